package io.fineq.chisel

import chisel3.RawModule
import chisel3.stage.ChiselGeneratorAnnotation
import circt.stage.{CIRCTTarget, CIRCTTargetAnnotation, ChiselStage, FirtoolOption}
import io.fineq.rtl.{AtomicDirectoryWriter, ChiselRtlBackend, FineqConfig, GeneratedFile, RtlGenerator, SynthesisOptions}

import java.nio.charset.StandardCharsets
import java.nio.file.{Files, Path}
import java.util.Comparator
import scala.jdk.CollectionConverters._
import scala.util.Using

/** The Chisel back end: elaborates [[FineqCore]] for a [[FineqConfig]] and lowers it with CIRCT firtool to one
  * Verilog file per module. Java callers use `ChiselBackend.emit(cfg, outDir)` (a static forwarder).
  */
object ChiselBackend {

  /** firtool options. No randomised register initialisation and no source locators keep the output deterministic
    * and free of simulation-only code; the lowering options restrict firtool's SystemVerilog emitter to plain
    * Verilog-2005 (no local variables in procedural blocks, no packed arrays, `always @(*)` instead of
    * `always_comb`), which Yosys 0.23 reads without -sv and Verilator 5.006 lints clean with -Wall.
    */
  val FirtoolOptions: Seq[String] = Seq(
    "--disable-all-randomization",
    "--strip-debug-info",
    "--lowering-options=disallowLocalVariables,disallowPackedArrays,noAlwaysComb,locationInfoStyle=none"
  )

  /** Writes the complete Chisel form of `cfg` into exactly `outDir` (replaced as a whole, never half-written):
    * the module files plus the filelist, synthesis scripts and manifest that every back end shares.
    * `mvn generate-rtl -Dbackend=chisel` writes to `rtl-out/<cfg.name()>_chisel`.
    */
  def emit(cfg: FineqConfig, outDir: Path): java.util.List[GeneratedFile] = {
    val files = new RtlGenerator().generate(cfg, SynthesisOptions.defaults(), new ChiselRtlBackend())
    new AtomicDirectoryWriter(null).write(outDir, files)
    files
  }

  /** The Verilog of every module of `fineq_core` for `cfg`, by module name. */
  def coreModules(cfg: FineqConfig): java.util.SortedMap[String, String] = verilogOf(new FineqCore(cfg))

  /** Elaborates any Chisel module and returns firtool's output, one entry per module (module name -> text),
    * including the sources of black boxes that carry their Verilog.
    */
  def verilogOf(gen: => RawModule): java.util.SortedMap[String, String] = {
    val dir = Files.createTempDirectory("fineq-chisel")
    try {
      val annotations = Seq(
        ChiselGeneratorAnnotation(() => gen),
        CIRCTTargetAnnotation(CIRCTTarget.SystemVerilog)
      ) ++ FirtoolOptions.map(FirtoolOption(_))
      // --firtool-binary-path (the FirtoolBinaryPath annotation is package-private) bypasses firtool-resolver.
      val args = Array("--target-dir", dir.toString, "--split-verilog", "--firtool-binary-path", FirtoolLocator.firtool().toString)
      (new ChiselStage).execute(args, annotations)
      val modules = new java.util.TreeMap[String, String]()
      Using.resource(Files.list(dir)) { files =>
        // .sv: firtool's modules; .v: black-box sources attached with addPath (copied verbatim).
        files.iterator().asScala.map(f => (f, f.getFileName.toString)).foreach {
          // extern_modules.sv only lists the black boxes in comments.
          case (_, "extern_modules.sv") =>
          case (f, n) if n.endsWith(".sv") || n.endsWith(".v") =>
            modules.put(n.substring(0, n.lastIndexOf('.')), new String(Files.readAllBytes(f), StandardCharsets.UTF_8))
          case _ =>
        }
      }
      modules
    } finally deleteTree(dir)
  }

  private def deleteTree(dir: Path): Unit =
    if (Files.exists(dir)) {
      Using.resource(Files.walk(dir))(_.sorted(Comparator.reverseOrder[Path]()).iterator().asScala.foreach(Files.delete))
    }
}
