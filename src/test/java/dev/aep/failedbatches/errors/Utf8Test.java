package dev.aep.failedbatches.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Utf8.isValid judges bytes as the JDK's strict decoder does, so that only bytes it decodes alike are parsed raw. */
class Utf8Test {

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        Random random = new Random(42);
        // biased towards the bytes that make multi-byte sequences and their edges
        int[] interesting = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
                0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
        for (int n = 0; n < 200_000; n++) {
            byte[] bytes = new byte[1 + random.nextInt(6)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : interesting[random.nextInt(interesting.length)]);
            }
            assertThat(Utf8.isValid(bytes, 0, bytes.length)).as("%s", java.util.HexFormat.of().formatHex(bytes))
                    .isEqualTo(jdkDecodes(bytes));
        }
    }

    @Test
    void judgesOnlyTheGivenRange() {
        byte[] bytes = {(byte) 0xFF, 'a', (byte) 0xE2, (byte) 0x82, (byte) 0xAC, (byte) 0xE2};
        assertThat(Utf8.isValid(bytes, 1, 4)).isTrue();
        assertThat(Utf8.isValid(bytes, 1, 5)).isFalse();
        assertThat(Utf8.isValid(bytes, 0, 2)).isFalse();
    }

    private static boolean jdkDecodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
