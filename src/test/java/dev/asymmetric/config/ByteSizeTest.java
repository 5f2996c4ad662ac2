package dev.asymmetric.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ByteSizeTest {
    @Test
    void sizesAreBytesOrPowersOf1024WhateverTheUnitsCase() {
        assertEquals(1500, ByteSize.parse("1500").bytes());
        assertEquals(512L << 10, ByteSize.parse("512KiB").bytes());
        assertEquals(64L << 20, ByteSize.parse("64 MiB").bytes());
        assertEquals(64L << 20, ByteSize.parse("64mb").bytes());
        assertEquals(1L << 30, ByteSize.parse("1G").bytes());
        assertEquals(10, ByteSize.parse("10B").bytes());
    }

    @Test
    void zeroNegativeFractionalOverflowingAndWordsAreNotSizes() {
        for (String bad : new String[] {"0", "-1", "1.5MiB", "99999999999999GiB", "lots", "", "64 MiBs", "1TiB"}) {
            assertNull(ByteSize.parse(bad), bad);
        }
        assertNull(ByteSize.parse(null));
    }

    @Test
    void aSizeIsShownInTheLargestUnitThatKeepsItWhole() {
        assertEquals("64 MiB", ByteSize.describe(64L << 20));
        assertEquals("1536 KiB", ByteSize.describe(1536L << 10));
        assertEquals("1 GiB", ByteSize.describe(1L << 30));
        assertEquals("1500 bytes", ByteSize.describe(1500));
        assertEquals("64 MiB", ByteSize.DEFAULT_SEED_LIMIT.toString());
    }
}
