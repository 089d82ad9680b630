package io.fineq.hwcost.util;

import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

import java.io.StringWriter;
import java.util.Map;

/** A strict Velocity engine reading templates from the class path (they ship in the jar). */
public final class Templates {
    private final VelocityEngine engine;

    public Templates() {
        engine = new VelocityEngine();
        engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
        engine.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
        // Strict: an unknown $reference is an error, never silently copied into the Verilog.
        engine.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, true);
        engine.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        engine.init();
    }

    public String render(String resource, Map<String, Object> values) {
        Template t = engine.getTemplate(resource, "UTF-8");
        VelocityContext ctx = new VelocityContext();
        values.forEach(ctx::put);
        StringWriter w = new StringWriter();
        t.merge(ctx, w);
        return w.toString();
    }

    /** Integer arithmetic for templates (Velocity has no built-in subtraction in references). */
    public static final class Arith {
        public int sub(int a, int b) {
            return a - b;
        }

        public int add(int a, int b) {
            return a + b;
        }
    }
}
