package io.fineq.cli;

import io.fineq.format.FqwImage;
import io.fineq.tensor.DType;
import io.fineq.tensor.SafetensorsWriter;
import io.fineq.tensor.SynthKind;
import io.fineq.tensor.SyntheticTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the CLI in a separate JVM, as users do: an 11008 x 4096 float32 safetensors tensor
 * (180 MB, the LLaMA-7B MLP shape) must quantise with -Xmx1g, and a failure must exit with
 * code 2 and a single stderr line from the real main().
 */
class LargeTensorProcessTest {
    @TempDir
    Path dir;

    private static Process start(Path out, Path err, String heap, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
                "-cp", System.getProperty("java.class.path"), QuantizerCli.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    @Test
    void quantisesAnLlamaMlpMatrixWithAOneGigabyteHeap() throws Exception {
        Path st = dir.resolve("mlp.safetensors");
        String name = "model.layers.0.mlp.up_proj.weight";
        SafetensorsWriter.write(st, List.of(SafetensorsWriter.Item.matrix(new SyntheticTensor(name, SynthKind.GAUSSIAN, 11008, 4096, 1), DType.F32)));
        assertThat(Files.size(st)).isGreaterThan(11008L * 4096 * 4);
        Path fqw = dir.resolve("mlp.fqw");
        Process p = start(dir.resolve("out.txt"), dir.resolve("err.txt"), "-Xmx1g",
                "quantize", "--in", st.toString(), "--tensor", name, "--array-cols", "64", "--out", fqw.toString());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
        FqwImage img = FqwImage.read(fqw);
        assertThat(img.header().rows()).isEqualTo(11008);
        assertThat(img.header().cols()).isEqualTo(4096);
        assertThat(img.header().paddedRows()).isEqualTo(11016); // 11008 is not a multiple of 24
        assertThat(img.blocks().length).isEqualTo(11016 / 24 * 4096 * 7);
    }

    @Test
    void realMainPrintsOneLineAndExitsWithTwo() throws Exception {
        Process p = start(dir.resolve("out.txt"), dir.resolve("err.txt"), "-Xmx64m",
                "inspect", dir.resolve("absent" + File.separator + "x.fqw").toString());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        List<String> err = Files.readAllLines(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(err).hasSize(1);
        assertThat(err.get(0)).startsWith("error: ").contains("x.fqw");
    }
}
