package io.ace.report;

import io.ace.files.PrivateFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders the HTML audit reports from the Thymeleaf templates in {@code reports-templates/}:
 * an operator's edited copy in the configured directory wins over the one built into the jar
 * (template by template, so an edited {@code diff-report.html} still finds the built-in
 * {@code report-parts.html}). Each report is one self-contained file: styles inline, no script,
 * nothing loaded from anywhere.
 */
public final class HtmlReportWriter {

    /** Rows an HTML report lists unless told otherwise ({@code --max-html-rows}); the JSON keeps every row. */
    public static final int DEFAULT_MAX_ROWS = 10_000;

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
        render("diff-report", report, target);
    }

    public void writeRepairReport(Path target, RepairReport report) throws IOException {
        render("repair-report", report, target);
    }

    public void writeTableSetReport(Path target, TableSetReport report) throws IOException {
        render("repset-diff-report", report, target);
    }

    public void writeSchemaReport(Path target, SchemaReport report) throws IOException {
        render("schema-diff-report", report, target);
    }

    public void writeReplicationReport(Path target, ReplicationReport report) throws IOException {
        render("spock-diff-report", report, target);
    }

    private void render(String template, Object report, Path target) throws IOException {
        Context context = new Context(Locale.ROOT);
        context.setVariable("report", report);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (Writer out = PrivateFiles.newBufferedWriter(partial)) {
            engine.process(template, context, out);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
