package fr.convergence.participant.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeyTest {

    @TempDir
    Path dir;

    @Test
    void usesTheConfiguredKey() {
        byte[] raw = new byte[32];
        raw[0] = 7;
        MasterKey key = MasterKey.load(Base64.getEncoder().encodeToString(raw), dir.resolve("unused.key"));
        assertThat(key.bytes()).isEqualTo(raw);
        assertThat(dir.resolve("unused.key")).doesNotExist();
    }

    @Test
    void generatesAndPersistsADevelopmentKeyWhenNoneIsConfigured() {
        Path file = dir.resolve("sub/dev.key");
        MasterKey first = MasterKey.load("", file);
        MasterKey second = MasterKey.load(null, file);
        assertThat(file).exists();
        assertThat(second.bytes()).isEqualTo(first.bytes());
    }

    @Test
    void refusesToStartWithNeitherAKeyNorADevelopmentKeyFile() {
        assertThatThrownBy(() -> MasterKey.load(null, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PARTICIPANT_MASTER_KEY is not set");
        assertThatThrownBy(() -> MasterKey.load("  ", null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAKeyOfTheWrongLength() {
        assertThatThrownBy(() -> MasterKey.load(Base64.getEncoder().encodeToString(new byte[16]), dir.resolve("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void developmentKeyFileIsOwnerOnly() throws Exception {
        Path file = dir.resolve("dev.key");
        MasterKey.load(null, file);
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }
}
