package io.fineq.rtl;

import java.io.StringWriter;
import java.util.Map;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

/**
 * Renders the Velocity templates shipped on the classpath under {@code templates/}. Strict mode
 * makes an undefined reference an error instead of silently emitting {@code $name} into Verilog.
 */
public final class TemplateRenderer {

    private static final String TEMPLATE_ROOT = "templates/";
    private final VelocityEngine engine;

    public TemplateRenderer() {
        Properties p = new Properties();
        p.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
        p.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
        p.setProperty("resource.loader.classpath.cache", "true");
        p.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        p.setProperty(RuntimeConstants.SPACE_GOBBLING, "lines");
        p.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        engine = new VelocityEngine(p);
        engine.init();
    }

    /** Renders {@code templates/<name>} with the given context values. */
    public String render(String name, Map<String, Object> values) {
        Template template = engine.getTemplate(TEMPLATE_ROOT + name, "UTF-8");
        VelocityContext context = new VelocityContext();
        values.forEach(context::put);
        StringWriter out = new StringWriter(4096);
        template.merge(context, out);
        return out.toString();
    }
}
