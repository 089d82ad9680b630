package io.fineq.chisel

import chisel3._
import chisel3.util.HasBlackBoxPath
import io.fineq.rtl.{FineqConfig, ModuleSet}

import java.nio.file.{Files, Path}

/** The Velocity-generated `fineq_core` (rtl-out/fineq_<R>x<C>/) as a Chisel `BlackBox`: same module name, port
  * names and widths (all widths from [[FineqConfig]]). `rst_ni` is the asynchronous active-low reset.
  *
  * @param verilogDir when given, the folder written by `mvn generate-rtl` for `cfg`; its module files are attached
  *                   with `addPath`, so firtool copies them beside the Chisel output. Without it, add the
  *                   folder's `fineq.f` to the downstream flow yourself.
  */
class FineqCoreBlackBox(cfg: FineqConfig, verilogDir: Option[Path] = None) extends BlackBox with HasBlackBoxPath {
  override def desiredName: String = ModuleSet.TOP

  val io = IO(new FineqCorePorts(cfg))

  verilogDir.foreach { dir =>
    ModuleSet.verilogFiles().forEach { file =>
      val path = dir.resolve(file)
      require(Files.isRegularFile(path), s"FineqCoreBlackBox: $path is missing (run mvn generate-rtl for ${cfg.name()})")
      addPath(path.toAbsolutePath.toString)
    }
  }
}

/** The ports of `fineq_core` (docs/microarchitecture.md section 2), widths from [[FineqConfig]]. A BlackBox's `io`
  * fields become the Verilog port names as they are.
  */
class FineqCorePorts(cfg: FineqConfig) extends Bundle {
  val clk_i       = Input(Clock())
  val rst_ni      = Input(Bool())
  val act_valid_i = Input(Bool())
  val act_ready_o = Output(Bool())
  val act_data_i  = Input(UInt(cfg.actBeatWidth.W))
  val w_valid_i   = Input(Bool())
  val w_ready_o   = Output(Bool())
  val w_data_i    = Input(UInt(cfg.weightBeatWidth.W))
  val w_last_i    = Input(Bool())
  val res_valid_o = Output(Bool())
  val res_ready_i = Input(Bool())
  val res_data_o  = Output(UInt(cfg.resultBeatWidth.W))
}
