package io.fineq.rtl;

import java.util.Map;
import java.util.TreeMap;

/**
 * Every size decision of the accelerator shell around one core (docs/accelerator.md), computed once
 * like {@link FineqConfig} does for the core: bus width, buffer depths, the output-group size and
 * the parameter-buffer size. The shell's templates ({@code templates/accel/}) only place these numbers.
 *
 * @param core         the core inside (FineQ's or the MAC tree: both have the stream ports)
 * @param busBytes     AXI4 data width in bytes: 8..64, a power of two, at most C (an activation row is whole words)
 * @param groupBlocks  output group: 24-row blocks whose partial sums stay on chip (MT_MAX = 24 * groupBlocks outputs)
 * @param paramBlocks  largest Mp / 24 of a job (the bias and multiplier buffers hold 24 * paramBlocks outputs)
 */
public record AccelConfig(FineqConfig core, int busBytes, int groupBlocks, int paramBlocks) {

    public static final int DEFAULT_BUS_BYTES = 64;
    /** Outstanding read bursts (tags). */
    public static final int READ_TAGS = 8;
    /** Write-queue entries: room for the write-back's words in flight (read + 4 vector-unit stages) and the bus's. */
    public static final int WRITE_QUEUE = 8;
    /** Weight-buffer beats: two in the core's queue, these ahead of it. */
    public static final int WEIGHT_BUFFER_BEATS = 4;
    /** ID register: 'F' 'Q', shell version 1.0. */
    public static final int ID = 0x46510100;

    public AccelConfig {
        if (core == null) throw new ConfigException("core", "missing");
        if (!core.core().inShell()) {
            throw new ConfigException("core", core.core().word() + " has no stream ports; the accelerator takes fineq, fineq-shifted or mac-tree");
        }
        if (core.actWidth() != 8) throw new ConfigException("act-width", core.actWidth() + ": the accelerator moves int8 activations (act-width 8)");
        if (Integer.bitCount(core.cols()) != 1 || core.cols() < 8) {
            throw new ConfigException("cols", core.cols() + ": the accelerator needs a power of two 8..1024 (an activation row is whole bus words)");
        }
        if (Integer.bitCount(busBytes) != 1 || busBytes < 8 || busBytes > 64 || busBytes > core.cols()) {
            throw new ConfigException("bus-bits", busBytes * 8 + " is out of range: a power of two in 64.." + Math.min(512, core.cols() * 8) + " (at most 8 * cols)");
        }
        int unit = Math.max(1, busBytes / 8); // 24 * groupBlocks must be a multiple of busBytes: 24 = 8 * 3
        if (groupBlocks < 1 || groupBlocks > 256 || groupBlocks % unit != 0) {
            throw new ConfigException("group-blocks", groupBlocks + " is not a multiple of " + unit + " in 1..256");
        }
        if (paramBlocks < groupBlocks || paramBlocks > 2730 || paramBlocks % unit != 0) {
            throw new ConfigException("param-blocks", paramBlocks + " is not a multiple of " + unit + " in " + groupBlocks + "..2730");
        }
    }

    /** The default shell of a core: 512-bit bus (or 8 * C bits if narrower), 384-output groups, Mp up to 1536. */
    public static AccelConfig defaults(FineqConfig core) {
        int bus = Math.min(DEFAULT_BUS_BYTES, Math.max(8, Integer.highestOneBit(Math.max(1, core.cols()))));
        return new AccelConfig(core, bus, 16, 64);
    }

    public int busBits() {
        return busBytes * 8;
    }

    /** int32 lanes per bus word (V). */
    public int lanes() {
        return busBytes / 4;
    }

    public int actWords() {
        return core.cols() / busBytes;
    }

    /** Bus words of one weight beat: C blocks of 7 bytes. */
    public int weightWords() {
        return 7 * core.cols() / busBytes;
    }

    public int groupOutputs() {
        return 24 * groupBlocks;
    }

    public int paramOutputs() {
        return 24 * paramBlocks;
    }

    /** Activation buffer rows: two tiles, rounded up to a power of two. */
    public int actBufferRows() {
        return pow2(2 * core.rows());
    }

    public int psumDepth() {
        return groupOutputs() / lanes();
    }

    public int paramDepth() {
        return paramOutputs() / lanes();
    }

    /**
     * Bits of on-chip buffer: partial sums (R x group outputs x 32), parameters (2 x Mp_max x 32),
     * activations (the buffer's rows of C bytes), weights (its beats of 56 C bits).
     */
    public long bufferBits() {
        int c = core.cols();
        return (long) core.rows() * groupOutputs() * 32 + 2L * paramOutputs() * 32 + (long) actBufferRows() * 8 * c
                + (long) WEIGHT_BUFFER_BEATS * FineqConfig.BLOCK_BITS * c;
    }

    /**
     * One on-chip memory configuration of the shell: a {@code fineq_sram} of {@code width} bits in
     * {@code lanes} lanes, {@code depth} words, {@code addrBits} address bits, instantiated
     * {@code instances} times (a memory macro each in a real flow; docs/accelerator.md, "Memories").
     *
     * @param role what it holds: activations, weights, partial sums or parameters
     */
    public record Memory(String role, int width, int depth, int lanes, int addrBits, int instances) {
        /** Bits it stores. */
        public long bits() {
            return (long) width * depth;
        }
    }

    /**
     * The shell's memories, in the order the templates place them: the activation and weight
     * FIFOs, the R partial-sum banks, the bias and multiplier buffers. Their bits sum to {@link #bufferBits}.
     */
    public java.util.List<Memory> memories() {
        int actDepth = actBufferRows();
        return java.util.List.of(
                new Memory("activations", core.actBeatWidth(), actDepth, 1, log2(actDepth), 1),
                new Memory("weights", core.weightBeatWidth(), WEIGHT_BUFFER_BEATS, 1, log2(WEIGHT_BUFFER_BEATS), 1),
                new Memory("partial sums", busBits(), psumDepth(), lanes(), bits(psumDepth() - 1), core.rows()),
                new Memory("parameters", busBits(), paramDepth(), 1, bits(paramDepth() - 1), 2));
    }

    /** Folder and module prefix of the accelerator, e.g. {@code fineq_shifted_64x64_accel}. */
    public String name() {
        return core.name() + "_accel";
    }

    static int pow2(int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    static int bits(long maxValue) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(maxValue));
    }

    static int log2(int pow2) {
        return Integer.numberOfTrailingZeros(pow2);
    }

    /** The values the shell's templates place (names as in templates/accel/). */
    public Map<String, Object> templateValues() {
        Map<String, Object> v = new TreeMap<>();
        int r = core.rows();
        int c = core.cols();
        v.put("R", r);
        v.put("C", c);
        v.put("rowsM1", r - 1);
        v.put("colsM1", c - 1);
        v.put("colsLog", log2(c));
        v.put("colsMaskConst", "32'd" + (c - 1));
        v.put("coreTop", ModuleSet.top(core.core()));
        v.put("coreWord", core.core().word());
        v.put("accW", core.accWidth());
        v.put("accMsb", core.accWidth() - 1);
        v.put("accExt32", 32 - core.accWidth());
        v.put("resBeatMsb", core.resultBeatWidth() - 1);
        v.put("actBeatW", core.actBeatWidth());
        v.put("actBeatMsb", core.actBeatWidth() - 1);
        v.put("wBeatW", core.weightBeatWidth());
        v.put("wBeatMsb", core.weightBeatWidth() - 1);
        v.put("busW", busBits());
        v.put("busMsb", busBits() - 1);
        v.put("busBytes", busBytes);
        v.put("busBytesM1", busBytes - 1);
        v.put("busSizeLog", log2(busBytes));
        v.put("busMaskConst", "32'd" + (busBytes - 1));
        v.put("strbMsb", busBytes - 1);
        v.put("lanes", lanes());
        v.put("lanesM1", lanes() - 1);
        v.put("lanesMsb", lanes() - 1);
        v.put("lanesLog", log2(lanes()));
        v.put("laneIdxMsb", Math.max(0, log2(lanes()) - 1));
        v.put("lanesOneConst", lanes() + "'d1");
        v.put("lanesBytes", 8 * lanes());
        v.put("lanesBytesMsb", 8 * lanes() - 1);
        v.put("packMsb", 24 * lanes() - 1);
        v.put("actWords", actWords());
        v.put("actWordsM1", actWords() - 1);
        v.put("actGatherCntW", bits(actWords() - 1));
        v.put("wWords", weightWords());
        v.put("wGatherCntW", bits(weightWords() - 1));
        v.put("blockBeatBytes", 7 * c);
        int actDepth = actBufferRows();
        v.put("actDepth", actDepth);
        v.put("actPtrW", log2(actDepth));
        v.put("actCountW", log2(actDepth) + 1);
        v.put("actCountMsb", log2(actDepth));
        v.put("actCreditW", bits(actDepth));
        v.put("actCreditMsb", bits(actDepth) - 1);
        v.put("actDepthConst", bits(actDepth) + "'d" + actDepth);
        int wDepth = WEIGHT_BUFFER_BEATS;
        v.put("wDepth", wDepth);
        v.put("wPtrW", log2(wDepth));
        v.put("wCountW", log2(wDepth) + 1);
        v.put("wCountMsb", log2(wDepth));
        int credit = wDepth * weightWords();
        v.put("wCreditWords", credit);
        v.put("wCreditW", Math.max(6, bits(credit)));
        v.put("wCreditMsb", Math.max(6, bits(credit)) - 1);
        v.put("groupBlocks", groupBlocks);
        v.put("groupOutputs", groupOutputs());
        v.put("paramBlocks", paramBlocks);
        v.put("paramOutputs", paramOutputs());
        int rowCountW = bits(r);
        v.put("rowCountW", rowCountW);
        v.put("rowCountMsb", rowCountW - 1);
        v.put("rowsConst16", "16'd" + r);
        v.put("rowsConst17", "17'd" + r);
        int groupCountW = bits(groupBlocks);
        v.put("groupCountW", groupCountW);
        v.put("groupCountMsb", groupCountW - 1);
        v.put("groupBlocksConst16", "16'd" + groupBlocks);
        v.put("groupBlocksConst17", "17'd" + groupBlocks);
        int groupOutW = bits(groupOutputs());
        v.put("groupOutW", groupOutW);
        v.put("groupOutMsb", groupOutW - 1);
        int psumAddrW = bits(psumDepth() - 1);
        v.put("psumDepth", psumDepth());
        v.put("psumAddrW", psumAddrW);
        v.put("psumAddrMsb", psumAddrW - 1);
        v.put("psumFlatMsb", r * busBits() - 1);
        v.put("psumFlatW", r * busBits());
        int paramAddrW = bits(paramDepth() - 1);
        v.put("paramDepth", paramDepth());
        v.put("paramAddrW", paramAddrW);
        v.put("paramAddrMsb", paramAddrW - 1);
        v.put("tags", READ_TAGS);
        v.put("tagPtrW", log2(READ_TAGS));
        v.put("tagCountMsb", log2(READ_TAGS));
        v.put("wqDepth", WRITE_QUEUE);
        v.put("wqPtrW", log2(WRITE_QUEUE));
        v.put("wqCountW", log2(WRITE_QUEUE) + 1);
        v.put("wqCountMsb", log2(WRITE_QUEUE));
        v.put("wqRoomConst", (log2(WRITE_QUEUE) + 2) + "'d" + WRITE_QUEUE);
        v.put("idConst", Integer.toHexString(ID));
        return v;
    }
}
