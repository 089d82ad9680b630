package io.fineq.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.fineq.quant.BlockQuantizer;
import io.fineq.quant.FineqQuantizer;
import io.fineq.quant.PackedBlock;
import io.fineq.quant.QuantizerOptions;
import io.fineq.tensor.ArrayTensor;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/format.md's worked example, read from the page itself, against the quantizer: the page's
 * numbers were derived by hand (and agree with the reference specification's example), so the
 * page and the code cannot drift apart.
 */
class FormatDocExampleTest {

    private static final Path DOC = Path.of(System.getProperty("fineq.root", ".."), "docs", "format.md");

    private static String block(String doc, String name) {
        Matcher m = Pattern.compile("<!-- example:" + Pattern.quote(name) + " -->\\s*```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("docs/format.md has an example:%s block", name).isTrue();
        return m.group(1).strip();
    }

    private static int[] ints(String text) {
        return Arrays.stream(text.split("\\s+")).mapToInt(Integer::parseInt).toArray();
    }

    private static byte[] hexBytes(String text) {
        String[] parts = text.split("\\s+");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) b[i] = (byte) Integer.parseInt(parts[i], 16);
        return b;
    }

    @Test
    void theWorkedExampleOfTheFormatPageIsWhatTheQuantizerProduces() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String[] w = block(doc, "weights").split("\\s+");
        float[] column = new float[w.length];
        for (int i = 0; i < w.length; i++) column[i] = Float.parseFloat(w[i]);
        assertThat(column).hasSize(24);

        FqwImage img = new FineqQuantizer(QuantizerOptions.defaults(1)).quantize(new ArrayTensor("example", 24, 1, column)).image();

        // scale and its bytes
        assertThat(img.scales()).containsExactly(0.5f);
        byte[] scale = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(img.scales()[0]).array();
        assertThat(scale).containsExactly(hexBytes(block(doc, "scale")));

        // own codes, straight from the rule on u = w / s
        int[] own = new int[8];
        for (int j = 0; j < 8; j++) {
            double a0 = Math.abs(column[3 * j] / 0.5), a1 = Math.abs(column[3 * j + 1] / 0.5), a2 = Math.abs(column[3 * j + 2] / 0.5);
            own[j] = BlockQuantizer.ownCode(a0, a1, a2, 4.0);
        }
        assertThat(own).containsExactly(ints(block(doc, "own-codes")));

        // the block, its pair codes, its values and its $readmemh line
        byte[] blockBytes = Arrays.copyOf(img.blocks(), 7);
        assertThat(img.blocks()).hasSize(7);
        assertThat(blockBytes).containsExactly(hexBytes(block(doc, "block")));
        int[] pairs = new int[4];
        for (int i = 0; i < 4; i++) pairs[i] = (blockBytes[0] >> (2 * i)) & 3;
        assertThat(pairs).containsExactly(ints(block(doc, "pair-codes")));
        int[] q = new int[24];
        PackedBlock.decode(blockBytes, 0, q);
        assertThat(q).containsExactly(ints(block(doc, "q")));
        StringWriter hex = new StringWriter();
        img.writeHex(hex);
        assertThat(hex.toString().strip()).isEqualTo(block(doc, "hex"));

        // the file: magic, JSON length, header, scales, blocks
        byte[] file = img.toBytes();
        assertThat(new String(file, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("FQW1");
        int n = ByteBuffer.wrap(file, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertThat(Arrays.copyOfRange(file, 8 + n, 12 + n)).containsExactly(scale);
        assertThat(Arrays.copyOfRange(file, 12 + n, file.length)).containsExactly(blockBytes);
    }
}
