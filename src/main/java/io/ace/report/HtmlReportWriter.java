package io.ace.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders the HTML audit reports from the Thymeleaf templates in {@code reports-templates/}:
 * an operator's edited copy in the configured directory wins over the one built into the jar.
 */
public final class HtmlReportWriter {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    public HtmlReportWriter(Path templatesDir) {
        int order = 1;
        if (templatesDir != null && Files.isDirectory(templatesDir)) {
            FileTemplateResolver files = new FileTemplateResolver();
            files.setPrefix(templatesDir.toAbsolutePath() + "/");
            files.setSuffix(".html");
            files.setTemplateMode(TemplateMode.HTML);
            files.setCharacterEncoding("UTF-8");
            files.setCheckExistence(true);
            files.setOrder(order++);
            engine.addTemplateResolver(files);
        }
        ClassLoaderTemplateResolver builtIn = new ClassLoaderTemplateResolver();
        builtIn.setPrefix("reports-templates/");
        builtIn.setSuffix(".html");
        builtIn.setTemplateMode(TemplateMode.HTML);
        builtIn.setCharacterEncoding("UTF-8");
        builtIn.setOrder(order);
        engine.addTemplateResolver(builtIn);
    }

    public void writeDiffReport(Path target, DiffReport report) throws IOException {
        render("diff-report", java.util.Map.of("report", report), target);
    }

    /** The repair report: its summary and the changes (before and after) it lists. */
    public void writeRepairReport(Path target, java.util.Map<String, Object> summary, java.util.List<?> changes) throws IOException {
        render("repair-report", java.util.Map.of("summary", summary, "changes", changes), target);
    }

    private void render(String template, java.util.Map<String, Object> variables, Path target) throws IOException {
        Context context = new Context(Locale.ROOT);
        variables.forEach(context::setVariable);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            engine.process(template, context, out);
        }
        Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
