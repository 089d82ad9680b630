package io.fineq.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares what a path option or parameter of a command is, so that {@link CommandPaths} can
 * resolve it against the current folder and check it before the command does any work
 * (docs/cli.md, "Paths"). Put it on the picocli {@code @Option} / {@code @Parameters} field; the
 * field may be a {@link java.nio.file.Path}, a {@code List<Path>} or a {@code String} (a path, or
 * a {@link #split} list of paths).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface PathArg {
    /** What the path is. */
    Kind value();

    /** With this option given, the path is a folder of outputs instead of one file (quantize --all). */
    String folderWith() default "";

    /** A String field holding a list: the separator, e.g. ","; empty for one path. */
    String split() default "";

    /** A word that stands for "no path" in a String field (sweep --libraries generic), compared ignoring case. */
    String except() default "";

    /** For {@link Kind#OUTPUT_FOLDER}: the names the command writes into it, so no input can be one of them. */
    String[] writes() default {};

    enum Kind {
        /** An existing, readable regular file. */
        INPUT_FILE,
        /** An existing, readable folder. */
        INPUT_FOLDER,
        /** A file the command writes (through a temporary and a rename); its folder must exist. */
        OUTPUT_FILE,
        /** A folder the command writes files into (created with its parents); other files in it are kept. */
        OUTPUT_FOLDER,
        /** A folder that is the tool's own (scripts, logs, caches): created, and no input may lie inside it. */
        WORK_FOLDER
    }
}
