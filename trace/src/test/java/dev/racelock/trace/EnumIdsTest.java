package dev.racelock.trace;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EnumIdsTest {
    private enum Shape { CIRCLE, RIGHT_TRIANGLE, SQUARE }

    private enum Single { ONLY }

    @Test
    void anIdIsTheNameInLowerCaseWithHyphens() {
        assertEquals("circle", EnumIds.of(Shape.CIRCLE));
        assertEquals("right-triangle", EnumIds.of(Shape.RIGHT_TRIANGLE));
    }

    @Test
    void parsingFindsTheConstantInAnyCase() {
        assertEquals(Shape.RIGHT_TRIANGLE, EnumIds.parse(Shape.class, "shape", "right-triangle"));
        assertEquals(Shape.SQUARE, EnumIds.parse(Shape.class, "shape", "Square"));
    }

    @Test
    void anUnknownIdNamesTheAcceptedOnesInDeclarationOrder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnumIds.parse(Shape.class, "shape", "RIGHT_TRIANGLE"));
        assertEquals("unknown shape 'RIGHT_TRIANGLE' (expected circle, right-triangle or square)", e.getMessage());
        assertEquals("unknown kind 'x' (expected only)",
                assertThrows(IllegalArgumentException.class, () -> EnumIds.parse(Single.class, "kind", "x")).getMessage());
    }
}
