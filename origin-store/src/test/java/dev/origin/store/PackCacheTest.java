package dev.origin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Qualification.Pack#load}: a built-in pack is read once per parameters and shared (the soak test found that
 * reading it on every qualification of a stored part was most of that request's time); other parameters give their own
 * pack, and a pack file is read again each time, since it may have changed.
 */
class PackCacheTest {
    @Test void aBuiltInPackIsLoadedOncePerParameters() throws Exception {
        Qualification.Pack a = Qualification.Pack.load("usmca", Map.of());
        assertThat(Qualification.Pack.load("usmca", Map.of())).isSameAs(a);
        Qualification.Pack changed = Qualification.Pack.load("usmca", Map.of("roll-up", "us-cbp"));
        assertThat(changed).isNotSameAs(a);
        assertThat(changed.hash()).isNotEqualTo(a.hash());
        assertThat(changed.params()).isEqualTo(Map.of("roll-up", "us-cbp"));
        assertThat(Qualification.Pack.load("usmca", Map.of("roll-up", "us-cbp"))).isSameAs(changed);
        assertThat(Qualification.Pack.load("nafta", Map.of()).regime()).isEqualTo("nafta");
    }

    @Test void aPackFileIsReadEachTime(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pack.yaml");
        try (var in = Qualification.class.getResourceAsStream("/dev/origin/packs/usmca.yaml")) {
            Files.write(file, in.readAllBytes());
        }
        Qualification.Pack first = Qualification.Pack.load(file.toString(), Map.of());
        Files.writeString(file, Files.readString(file) + "\n# changed\n");
        Qualification.Pack second = Qualification.Pack.load(file.toString(), Map.of());
        assertThat(second).isNotSameAs(first);
        assertThat(second.hash()).isNotEqualTo(first.hash());
    }
}
