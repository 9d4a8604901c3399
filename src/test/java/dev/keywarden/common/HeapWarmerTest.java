package dev.keywarden.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapWarmerTest {
    private static final long MOST = 128L << 20;
    private final List<Long> warmed = new ArrayList<>();
    private final HeapWarmer warmer = new HeapWarmer(MOST, warmed::add);

    @Test
    void warmsOnceTheProcessExpectsManyKeysForThoseKeys() {
        warmer.keysExpected(HeapWarmer.KEYS_BEFORE_WARMING - 1);
        assertEquals(List.of(), warmed, "a small organisation keeps its heap small");

        warmer.keysExpected(HeapWarmer.KEYS_BEFORE_WARMING);
        warmer.keysExpected(HeapWarmer.KEYS_BEFORE_WARMING + 1_000);
        assertEquals(List.of(HeapWarmer.KEYS_BEFORE_WARMING * HeapWarmer.BYTES_PER_KEY), warmed,
                "a few more keys expected are not worth another warming");
    }

    @Test
    void warmsTheRestWhenTheKeysExpectedNeedHalfAsMuchAgainAndNeverMoreThanItsMost() {
        warmer.keysExpected(HeapWarmer.KEYS_BEFORE_WARMING);
        warmer.keysExpected(20_000);
        warmer.keysExpected(1_000_000);
        warmer.keysExpected(Long.MAX_VALUE / 2);
        long first = HeapWarmer.KEYS_BEFORE_WARMING * HeapWarmer.BYTES_PER_KEY;
        long second = 20_000 * HeapWarmer.BYTES_PER_KEY;
        assertEquals(List.of(first, second - first, MOST - second), warmed);
        assertEquals(MOST, warmed.stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void turnedOffItNeverWarms() {
        new HeapWarmer(0, warmed::add).keysExpected(1_000_000);
        assertEquals(List.of(), warmed);
    }

    @Test
    void touchesInWholeArraysAndNoMoreThanAQuarterOfTheHeapsRoom() {
        assertEquals(2, HeapWarmer.touch(2L * HeapWarmer.CHUNK + 1), "whole arrays only");
        assertEquals(0, HeapWarmer.touch(HeapWarmer.CHUNK - 1));
        Runtime runtime = Runtime.getRuntime();
        long room = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        int made = HeapWarmer.touch(Long.MAX_VALUE);
        assertTrue((long) made * HeapWarmer.CHUNK <= room / 4 + HeapWarmer.CHUNK,
                made + " arrays in a heap with " + room + " bytes of room");
        assertTrue(made > 0, "a test JVM's heap has room for one array");
    }

    @Test
    void readsItsMostInMegabytesAndTakesNonsenseAsTheDefaultOrOff() {
        String before = System.getProperty(HeapWarmer.PROPERTY);
        try {
            System.setProperty(HeapWarmer.PROPERTY, "64");
            assertEquals(64L << 20, HeapWarmer.configuredBytes());
            System.setProperty(HeapWarmer.PROPERTY, "0");
            assertEquals(0, HeapWarmer.configuredBytes());
            System.setProperty(HeapWarmer.PROPERTY, "-5");
            assertEquals(0, HeapWarmer.configuredBytes());
            System.setProperty(HeapWarmer.PROPERTY, "lots");
            assertEquals(HeapWarmer.DEFAULT_BYTES, HeapWarmer.configuredBytes());
            System.setProperty(HeapWarmer.PROPERTY, String.valueOf(Long.MAX_VALUE));
            assertTrue(HeapWarmer.configuredBytes() > 0, "a huge number is capped, not wrapped round to off");
        } finally {
            if (before == null) {
                System.clearProperty(HeapWarmer.PROPERTY);
            } else {
                System.setProperty(HeapWarmer.PROPERTY, before);
            }
        }
    }
}
