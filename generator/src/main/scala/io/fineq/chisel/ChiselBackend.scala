package io.fineq.chisel

import chisel3.RawModule
import chisel3.stage.ChiselGeneratorAnnotation
import circt.stage.{CIRCTTarget, CIRCTTargetAnnotation, ChiselStage, FirtoolOption}
import firrtl.options.TargetDirAnnotation
import io.fineq.rtl.FineqConfig

import java.nio.file.{Files, Path, StandardCopyOption}
import java.util.Comparator
import scala.jdk.CollectionConverters._
import scala.util.Using

/** The Chisel back end: elaborates [[FineqCore]] for a [[FineqConfig]] and writes one SystemVerilog file per
  * module. Java callers use `ChiselBackend.emit(cfg, outDir)` (a static forwarder).
  */
object ChiselBackend {

  /** Folder suffix beside the Velocity output: rtl-out/fineq_8x8 and rtl-out/fineq_8x8_chisel. */
  val FolderSuffix = "_chisel"

  /** firtool options: no randomised register initialisation and no source locators (deterministic, and plain
    * enough for Yosys 0.23 and Verilator 5.006: no local variables in procedural blocks, no packed arrays,
    * `always @(*)` instead of `always_comb`).
    */
  val FirtoolOptions: Seq[String] = Seq(
    "--disable-all-randomization",
    "--strip-debug-info",
    "--lowering-options=disallowLocalVariables,disallowPackedArrays,noAlwaysComb,locationInfoStyle=none"
  )

  /** Folder of the Chisel form of `cfg` under the output root, e.g. `rtl-out/fineq_8x8_chisel`. */
  def folder(cfg: FineqConfig, outRoot: Path): Path = outRoot.resolve(cfg.name() + FolderSuffix)

  /** Emits `fineq_core` and its submodules for `cfg` into exactly `outDir` (replaced as a whole); returns the
    * written files, sorted by name.
    */
  def emit(cfg: FineqConfig, outDir: Path): java.util.List[Path] = emitModule(new FineqCore(cfg), outDir)

  /** Emits any Chisel module (tests emit single FineQ modules) into exactly `outDir`. */
  def emitModule(gen: => RawModule, outDir: Path): java.util.List[Path] = {
    val target = outDir.toAbsolutePath.normalize()
    val parent = target.getParent
    Files.createDirectories(parent)
    val staging = Files.createTempDirectory(parent, "." + target.getFileName + ".tmp")
    try {
      runFirtool(gen, staging)
      replaceFolder(staging, target)
    } finally deleteTree(staging)
    listFiles(target).asJava
  }

  private def runFirtool(gen: => RawModule, dir: Path): Unit = {
    val annotations = Seq(
      ChiselGeneratorAnnotation(() => gen),
      CIRCTTargetAnnotation(CIRCTTarget.SystemVerilog),
      TargetDirAnnotation(dir.toString)
    ) ++ FirtoolOptions.map(FirtoolOption(_))
    // --firtool-binary-path (the FirtoolBinaryPath annotation is package-private) bypasses firtool-resolver.
    val args = Array("--split-verilog", "--firtool-binary-path", FirtoolLocator.firtool().toString)
    (new ChiselStage).execute(args, annotations)
  }

  /** Moves the staged output into place: the old folder (if any) is renamed aside first, so a reader sees either
    * the old or the new complete set, never a mix.
    */
  private def replaceFolder(staging: Path, target: Path): Unit = {
    val old = target.resolveSibling("." + target.getFileName + ".old")
    deleteTree(old)
    if (Files.exists(target)) Files.move(target, old, StandardCopyOption.ATOMIC_MOVE)
    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE)
    deleteTree(old)
  }

  private def listFiles(dir: Path): Seq[Path] =
    Using.resource(Files.list(dir))(_.iterator().asScala.filter(Files.isRegularFile(_)).toSeq.sortBy(_.getFileName.toString))

  private def deleteTree(dir: Path): Unit =
    if (Files.exists(dir)) {
      Using.resource(Files.walk(dir))(_.sorted(Comparator.reverseOrder[Path]()).iterator().asScala.foreach(Files.delete))
    }
}
