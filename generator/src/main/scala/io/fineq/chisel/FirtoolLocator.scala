package io.fineq.chisel

import java.io.InputStream
import java.net.JarURLConnection
import java.nio.file.{Files, Path, Paths, StandardCopyOption}

/** Finds the CIRCT `firtool` binary without any download.
  *
  * Chisel 6 alone asks firtool-resolver, which falls back to fetching `llvm-firtool` from Maven Central at run
  * time when the classpath copy does not match its wanted version. We decide instead, and hand the result to
  * ChiselStage as `FirtoolBinaryPath`:
  *   1. `CHISEL_FIRTOOL_PATH` (a directory holding `firtool`, chisel's own convention), when set;
  *   2. otherwise the linux-x64 binary inside the `org.chipsalliance:llvm-firtool` jar on the classpath,
  *      copied once into `$XDG_CACHE_HOME/fineq/` or `~/.cache/fineq/` (a jar entry cannot be executed in place).
  */
object FirtoolLocator {
  val EnvVariable = "CHISEL_FIRTOOL_PATH"
  private val Resource = "org.chipsalliance/llvm-firtool/linux-x64/bin/firtool"

  /** The firtool to run; throws [[FirtoolNotFoundException]] with one line saying what to do. */
  def firtool(): Path = firtool(System.getenv())

  /** As [[firtool()]], reading `CHISEL_FIRTOOL_PATH` and `XDG_CACHE_HOME` from `env` (tests pass their own). */
  def firtool(env: java.util.Map[String, String]): Path = Option(env.get(EnvVariable)).filter(_.nonEmpty) match {
    case Some(dir) =>
      val bin = Paths.get(dir).resolve("firtool")
      if (!Files.isExecutable(bin)) {
        throw new FirtoolNotFoundException(s"$EnvVariable=$dir: no executable firtool in that directory")
      }
      bin
    case None => fromClasspath(Option(env.get("XDG_CACHE_HOME")).filter(_.nonEmpty))
  }

  private def fromClasspath(xdgCache: Option[String]): Path = {
    val os   = System.getProperty("os.name", "").toLowerCase
    val arch = System.getProperty("os.arch", "").toLowerCase
    if (!os.contains("linux") || !(arch == "amd64" || arch == "x86_64")) {
      throw new FirtoolNotFoundException(
        s"the bundled firtool is linux-x64 only (this is $os/$arch): set $EnvVariable to a directory holding firtool 1.62.x")
    }
    val url = Option(getClass.getClassLoader.getResource(Resource)).getOrElse(
      throw new FirtoolNotFoundException(
        s"org.chipsalliance:llvm-firtool is not on the classpath (no $Resource): set $EnvVariable or add the dependency"))
    val connection = url.openConnection()
    val size       = connection.getContentLengthLong
    // One cache folder per binary: keyed by the jar entry's size and CRC-32 (read from the zip directory, no
    // decompression), so a different llvm-firtool, also inside a shaded jar, never reuses a stale copy.
    val key = connection match {
      case jar: JarURLConnection => f"firtool-$size-${jar.getJarEntry.getCrc}%08x"
      case _                     => s"firtool-$size"
    }
    val target = cacheRoot(xdgCache).resolve(key).resolve("firtool")
    if (Files.isExecutable(target) && Files.size(target) == size) target
    else extract(connection.getInputStream, target)
  }

  private def cacheRoot(xdgCache: Option[String]): Path =
    xdgCache.map(Paths.get(_)).getOrElse(Paths.get(System.getProperty("user.home"), ".cache")).resolve("fineq")

  /** Copy to a temporary file in the target folder, mark it executable, then rename: concurrent builds never run a
    * half-written binary.
    */
  private def extract(in: InputStream, target: Path): Path = {
    Files.createDirectories(target.getParent)
    val tmp = Files.createTempFile(target.getParent, "firtool", ".part")
    try {
      try Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING)
      finally in.close()
      if (!tmp.toFile.setExecutable(true)) {
        throw new FirtoolNotFoundException(s"cannot make $tmp executable")
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING)
    } finally Files.deleteIfExists(tmp)
    target
  }
}

/** firtool cannot be found or prepared; the message is one line naming the fix. */
final class FirtoolNotFoundException(message: String) extends RuntimeException(message)
