package fr.convergence.workspace;

import fr.convergence.workspace.security.FormTokens;
import fr.convergence.workspace.services.ParticipantsApi;
import fr.convergence.workspace.services.PartnershipsApi;
import fr.convergence.workspace.services.PathwaysApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every page test of the workspace starts from: the application with the three services it calls replaced,
 * MockMvc, the forms' token issuer and a JSON mapper for the services' answers. One definition, so that the page
 * tests share one application context instead of each declaring the same replacements.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class ServicesReplacedPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FormTokens tokens;
    @MockitoBean
    ParticipantsApi participants;
    @MockitoBean
    PathwaysApi pathways;
    @MockitoBean
    PartnershipsApi partnerships;

    final JsonMapper json = JsonMapper.builder().build();
}
