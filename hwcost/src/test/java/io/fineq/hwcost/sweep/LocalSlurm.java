package io.fineq.hwcost.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Slurm for the tests, in a temporary folder: a munged of its own (own key and
 * socket, {@code AuthInfo=socket=...}: a machine's munged may be absent, stopped with a stale socket,
 * or keyed differently, as on a fresh CI machine where the package's daemon is not running),
 * slurmctld and slurmd with a slurm.conf of their own (ports 16817/16818, state, spool and logs in
 * the folder). {@link #close} stops every daemon it started. The clients find it through
 * {@link #env()} ({@code SLURM_CONF}).
 */
final class LocalSlurm implements AutoCloseable {
    private final Path dir;
    private final List<Path> pidFiles = new ArrayList<>();

    LocalSlurm(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        for (String sub : new String[] {"state", "spool", "log", "run", "munge"}) Files.createDirectories(dir.resolve(sub));
        Path munge = dir.resolve("munge");
        Files.setPosixFilePermissions(munge, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Path key = munge.resolve("munge.key");
        byte[] keyBytes = new byte[128];
        new java.security.SecureRandom().nextBytes(keyBytes);
        Files.write(key, keyBytes);
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path socket = munge.resolve("munge.socket");
        Files.writeString(conf(), String.join("\n",
                "ClusterName=fineqtest",
                "SlurmctldHost=localhost",
                "SlurmUser=root",
                "SlurmdUser=root",
                "AuthType=auth/munge",
                "AuthInfo=socket=" + socket,
                "ProctrackType=proctrack/linuxproc",
                "TaskPlugin=task/none",
                "SelectType=select/cons_tres",
                "SelectTypeParameters=CR_Core",
                "StateSaveLocation=" + dir.resolve("state"),
                "SlurmdSpoolDir=" + dir.resolve("spool"),
                "SlurmctldPidFile=" + dir.resolve("run/slurmctld.pid"),
                "SlurmdPidFile=" + dir.resolve("run/slurmd.pid"),
                "SlurmctldLogFile=" + dir.resolve("log/slurmctld.log"),
                "SlurmdLogFile=" + dir.resolve("log/slurmd.log"),
                "SlurmctldPort=16817",
                "SlurmdPort=16818",
                "ReturnToService=2",
                "MpiDefault=none",
                "JobAcctGatherType=jobacct_gather/none",
                "AccountingStorageType=accounting_storage/none",
                "NodeName=localhost CPUs=2 State=UNKNOWN",
                "PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP", ""), StandardCharsets.UTF_8);
        run(List.of("munged", "--force", "--socket=" + socket, "--key-file=" + key,
                "--pid-file=" + munge.resolve("munged.pid"), "--log-file=" + munge.resolve("munged.log"),
                "--seed-file=" + munge.resolve("munged.seed")));
        pidFiles.add(munge.resolve("munged.pid"));
        run(List.of("slurmctld", "-f", conf().toString()));
        pidFiles.add(dir.resolve("run/slurmctld.pid"));
        run(List.of("slurmd", "-f", conf().toString()));
        pidFiles.add(dir.resolve("run/slurmd.pid"));
        // Ready when the node is idle.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            String s = run(List.of("sinfo", "-h", "-o", "%t"));
            if (s.strip().startsWith("idle")) break;
            if (System.nanoTime() > deadline) throw new IOException("local Slurm did not come up: sinfo says '" + s.strip() + "'");
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    Path conf() {
        return dir.resolve("slurm.conf");
    }

    Map<String, String> env() {
        return Map.of("SLURM_CONF", conf().toString());
    }

    String run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " hung");
        }
        if (p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + out.strip());
        return out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        // Slurm daemons first, munged last (they authenticate their shutdown through it).
        for (int i = pidFiles.size() - 1; i >= 0; i--) {
            Path pid = pidFiles.get(i);
            if (Files.exists(pid)) {
                long id = Long.parseLong(Files.readString(pid).strip());
                ProcessHandle.of(id).ifPresent(ProcessHandle::destroy);
                ProcessHandle.of(id).ifPresent(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> null).join());
            }
        }
    }
}
