package io.fineq.cli;

import io.fineq.tensor.DType;
import io.fineq.tensor.NpyWriter;
import io.fineq.tensor.SafetensorsWriter;
import io.fineq.tensor.SynthKind;
import io.fineq.tensor.SyntheticTensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code synth}: seeded synthetic weights as {@code .npy} (one tensor) or {@code .safetensors}
 * (one or several). Tensor i (0-based) of a file uses seed {@code seed + i}.
 */
@Command(name = "synth", mixinStandardHelpOptions = true, versionProvider = io.fineq.cli.CliConventions.Version.class,
        description = "Write seeded synthetic weights (.npy, or .safetensors with one or more tensors).")
public final class SynthCommand implements Callable<Integer> {
    private static final Pattern SPEC = Pattern.compile("(.+)=(\\d+)x(\\d+)");

    @Spec
    CommandSpec spec;

    @Option(names = "--kind", defaultValue = "gaussian", paramLabel = "gaussian|student-t|llama-like", description = "Distribution (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--rows", defaultValue = "128", description = "Rows M (output features), default ${DEFAULT-VALUE}.")
    int rows;

    @Option(names = "--cols", defaultValue = "96", description = "Columns K (input features), default ${DEFAULT-VALUE}.")
    int cols;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @PathArg(PathArg.Kind.OUTPUT_FILE)
    @Option(names = "--out", required = true, paramLabel = "W.npy|W.safetensors", description = "Output file; the extension picks the format.")
    Path out;

    @Option(names = "--dtype", defaultValue = "F32", paramLabel = "F32|F16|BF16", description = "Element type (.npy: F32 or F16), default ${DEFAULT-VALUE}.")
    String dtype;

    @Option(names = "--count", defaultValue = "1", description = ".safetensors: number of --rows x --cols tensors named layers.<i>.weight (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--tensor", paramLabel = "NAME=ROWSxCOLS", description = ".safetensors: a named tensor with its own shape (repeatable; replaces --count).")
    List<String> tensors = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        SynthKind k;
        try {
            k = SynthKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--kind must be one of " + SynthKind.names() + ", got '" + kind + "'");
        }
        DType d;
        try {
            d = DType.valueOf(dtype);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--dtype must be F32, F16 or BF16, got '" + dtype + "'");
        }
        if (rows < 1) throw new ParameterException(spec.commandLine(), "--rows must be >= 1, got " + rows);
        if (cols < 1) throw new ParameterException(spec.commandLine(), "--cols must be >= 1, got " + cols);
        checkDimension("--rows", rows);
        checkDimension("--cols", cols);
        String file = out.getFileName() == null ? "" : out.getFileName().toString();
        if (file.endsWith(".npy")) {
            if (d.npyDescr() == null) throw new ParameterException(spec.commandLine(), "--dtype for .npy must be F32 or F16, got " + dtype);
            if (!tensors.isEmpty() || count != 1) throw new ParameterException(spec.commandLine(), "--tensor and --count apply to .safetensors outputs only");
            SyntheticTensor t = new SyntheticTensor(stem(file), k, rows, cols, seed);
            checkSpace((long) rows * cols * d.bytes());
            NpyWriter.write(out, t, d);
            spec.commandLine().getOut().printf(Locale.ROOT, "%s: %s %s %dx%d seed %d%n", out, k, d, rows, cols, seed);
            return 0;
        }
        if (!file.endsWith(".safetensors")) throw new ParameterException(spec.commandLine(), "--out must end in .npy or .safetensors, got " + out);
        if (count < 1) throw new ParameterException(spec.commandLine(), "--count must be >= 1, got " + count);
        List<SafetensorsWriter.Item> items = new ArrayList<>();
        if (tensors.isEmpty()) {
            for (int i = 0; i < count; i++)
                items.add(SafetensorsWriter.Item.matrix(new SyntheticTensor("layers." + i + ".weight", k, rows, cols, seed + i), d));
        } else {
            for (String s : tensors) {
                Matcher m = SPEC.matcher(s);
                if (!m.matches()) throw new ParameterException(spec.commandLine(), "--tensor must look like NAME=ROWSxCOLS, got '" + s + "'");
                int r, c;
                try {
                    r = Integer.parseInt(m.group(2));
                    c = Integer.parseInt(m.group(3));
                } catch (NumberFormatException e) {
                    throw new ParameterException(spec.commandLine(), "--tensor " + s + ": rows and cols must be 1.." + Integer.MAX_VALUE);
                }
                if (r < 1 || c < 1 || r > MAX_DIMENSION || c > MAX_DIMENSION)
                    throw new ParameterException(spec.commandLine(), "--tensor " + s + ": rows and cols must be 1.." + MAX_DIMENSION);
                String name = m.group(1);
                if (items.stream().anyMatch(it -> it.data().name().equals(name)))
                    throw new ParameterException(spec.commandLine(), "--tensor " + name + " is given twice; tensor names must be unique");
                items.add(SafetensorsWriter.Item.matrix(new SyntheticTensor(m.group(1), k, r, c, seed + items.size()), d));
            }
        }
        checkSpace(items.stream().mapToLong(it -> (long) it.data().rows() * it.data().cols() * d.bytes()).sum());
        SafetensorsWriter.write(out, items);
        for (SafetensorsWriter.Item it : items)
            spec.commandLine().getOut().printf(Locale.ROOT, "%s: %s %s %s %s%n", out, it.data().name(), k, d, it.data().shape());
        return 0;
    }

    /** Largest dimension written: a row is held in memory, and 2^24 is far beyond any real weight matrix (vocabularies ~2^18). */
    static final int MAX_DIMENSION = 1 << 24;

    private void checkDimension(String option, int v) {
        if (v > MAX_DIMENSION) throw new ParameterException(spec.commandLine(), option + " must be 1.." + MAX_DIMENSION + ", got " + v);
    }

    /** Refuses an output larger than the free space of its file system, before writing a byte. */
    private void checkSpace(long bytes) throws java.io.IOException {
        Path dir = out.toAbsolutePath().getParent();
        while (dir != null && !java.nio.file.Files.exists(dir)) dir = dir.getParent();
        if (dir == null) return;
        long free = java.nio.file.Files.getFileStore(dir).getUsableSpace();
        if (bytes + (1L << 20) > free)
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "--out %s: the tensors need %.1f GB, the file system has %.1f GB free", out, bytes / 1e9, free / 1e9));
    }

    private static String stem(String file) {
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
