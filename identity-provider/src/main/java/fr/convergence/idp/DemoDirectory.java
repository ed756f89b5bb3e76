package fr.convergence.idp;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo users, built from {@code demo-directory.yml}: per territory one ACI staff member per ACI, a chargé·e de
 * partenariat, a coordinator and a territorial auditor; plus the national users and the portfolios (people
 * following several territories). One place to read who exists.
 */
public final class DemoDirectory implements UserDetailsService {

    // Cost 4: the demo passwords are public anyway, and the local run must start fast on 2 cores.
    private final PasswordEncoder encoder = new BCryptPasswordEncoder(4);
    private final Map<String, DemoUser> users = new LinkedHashMap<>();
    private final String passwordHash;

    @SuppressWarnings("unchecked")
    public DemoDirectory(String resource) {
        Map<String, Object> doc;
        try (InputStream in = DemoDirectory.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            doc = new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        passwordHash = "{bcrypt}" + encoder.encode(String.valueOf(doc.get("password")));
        ((Map<String, Integer>) doc.get("territories")).forEach((territory, acis) -> {
            for (int n = 1; n <= acis; n++) {
                String aci = "aci-" + territory + "-" + n;
                add(DemoUser.of("cip-" + aci, "cip", territory, aci, "CIP " + aci));
            }
            // the encadrant·e technique of the territory's first ACI, who enters the month's hours
            add(DemoUser.of("encadrant-" + territory + "-1", "encadrant", territory, "aci-" + territory + "-1",
                    "Encadrant·e technique aci-" + territory + "-1"));
            add(DemoUser.of("cdp-" + territory, "partnership-officer", territory, null, "Chargé·e de partenariat " + territory));
            add(DemoUser.of("coordinator-" + territory, "coordinator", territory, null, "Coordination " + territory));
            add(DemoUser.of("auditor-" + territory, "auditor", territory, null, "Audit " + territory));
        });
        for (Map<String, String> u : (List<Map<String, String>>) doc.get("national")) {
            add(DemoUser.of(u.get("username"), u.get("role"), null, null, u.get("name")));
        }
        for (Map<String, Object> u : (List<Map<String, Object>>) doc.getOrDefault("portfolios", List.of())) {
            List<String> territories = (List<String>) u.get("territories");
            if (territories == null || territories.size() < 2) {
                throw new IllegalStateException(resource + ": portfolio " + u.get("username")
                        + " must list at least two territories");
            }
            add(new DemoUser((String) u.get("username"), (String) u.get("role"), territories, null,
                    (String) u.get("name")));
        }
    }

    private void add(DemoUser user) {
        users.put(user.username(), user);
    }

    public Optional<DemoUser> find(String username) {
        return Optional.ofNullable(users.get(username));
    }

    public Collection<DemoUser> all() {
        return users.values();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        DemoUser user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException(username);
        }
        return User.withUsername(username).password(passwordHash)
                .authorities(new SimpleGrantedAuthority("ROLE_" + user.role().toUpperCase().replace('-', '_')))
                .build();
    }
}
