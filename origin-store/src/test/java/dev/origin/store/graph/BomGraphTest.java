package dev.origin.store.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BomGraphTest {
    static final LocalDate JAN = LocalDate.of(2024, 1, 1), JUL = LocalDate.of(2024, 7, 1);

    // car uses engine and seat; engine uses piston; until July the seat used foam, from July it uses gel
    static final BomGraph G = BomGraph.of(List.of(
            new BomGraph.Edge("car", "engine", JAN, null),
            new BomGraph.Edge("car", "seat", JAN, null),
            new BomGraph.Edge("truck", "engine", JAN, null),
            new BomGraph.Edge("engine", "piston", JAN, null),
            new BomGraph.Edge("seat", "foam", JAN, JUL),
            new BomGraph.Edge("seat", "gel", JUL, null)));

    @Test
    void usersAtAnyDepthInTheVersionsEffectiveOnTheDate() {
        assertThat(G.usersOf(List.of("piston"), JAN)).containsExactly("engine", "car", "truck");
        assertThat(G.usersOf(List.of("foam"), JAN)).containsExactly("seat", "car");
        assertThat(G.usersOf(List.of("foam"), JUL)).as("the July version no longer uses foam").isEmpty();
        assertThat(G.usersOf(List.of("gel"), JAN)).isEmpty();
        assertThat(G.usersOf(List.of("gel"), JUL.plusDays(3))).containsExactly("seat", "car");
        assertThat(G.affectedBy(List.of("seat"), JAN)).containsExactly("seat", "car");
        assertThat(G.parentsOf("engine", JAN)).isEqualTo(Set.of("car", "truck"));
    }

    @Test
    void aCircularBomIsWalkedOnce() {
        BomGraph c = BomGraph.of(List.of(new BomGraph.Edge("a", "b", JAN, null), new BomGraph.Edge("b", "a", JAN, null)));
        assertThat(c.usersOf(List.of("a"), JAN)).containsExactlyInAnyOrder("a", "b");
    }
}
