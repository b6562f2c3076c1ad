package io.ace.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** A start logs the settings it runs with once, and no secret among them. */
@Tag("fast")
@ExtendWith(OutputCaptureExtension.class)
class EffectiveConfigurationTest {

    private static final String URL_PASSWORD = "url-pass-4711";
    private static final String REPOSITORY_PASSWORD = "repo-pass-4711";
    private static final String USER_HASH = "{bcrypt}$2a$10$hashOfAlicesPassword4711";
    private static final String TOKEN_SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TempDir
    Path home;

    @Test
    void aLongRunningProcessLogsEverySettingOnceWithSecretsMasked(CapturedOutput output) {
        try (ConfigurableApplicationContext context = PropertiesOnlyApplication.start(home,
                "spring.datasource.url=jdbc:postgresql://db.example:5432/ace?user=ace&password=" + URL_PASSWORD
                        + "&sslpassword=" + URL_PASSWORD,
                "spring.datasource.username=ace", "spring.datasource.password=" + REPOSITORY_PASSWORD,
                "ace.serve.users.alice.password=" + USER_HASH, "ace.serve.users.alice.role=ADMIN",
                "ace.serve.tokens.nightly.sha256=" + TOKEN_SHA, "ace.node.max-connections=12")) {
            // a command that answers and exits keeps the operator's terminal quiet; serve and worker log it
            assertThat(output.getErr()).doesNotContain("configuration: ace{");
            context.getBean(EffectiveConfiguration.class).logAtStart();
            String logged = output.getErr();
            assertThat(logged.lines().filter(l -> l.contains("configuration: ace{"))).hasSize(1);
            assertThat(logged).contains("home=" + home).contains("max-connections=12").contains("alice{password=***, role=ADMIN}")
                    .contains("nightly{sha256=***, role=VIEWER}")
                    .contains("repository{url=jdbc:postgresql://db.example:5432/ace?user=ace&password=***&sslpassword=***, username=ace}")
                    .doesNotContain(URL_PASSWORD).doesNotContain(REPOSITORY_PASSWORD).doesNotContain("hashOfAlicesPassword")
                    .doesNotContain(TOKEN_SHA);
            assertThat(context.getBean(EffectiveConfiguration.class).text()).doesNotContain(URL_PASSWORD).contains("password=***");
        }
    }

    @Test
    void failuresOnPurposeShowOnlyWhenSet() {
        try (ConfigurableApplicationContext unset = PropertiesOnlyApplication.start(home)) {
            assertThat(unset.getBean(EffectiveConfiguration.class).text()).doesNotContain("testing");
        }
        try (ConfigurableApplicationContext set = PropertiesOnlyApplication.start(home, "ace.testing.fail-before-block=3")) {
            assertThat(set.getBean(EffectiveConfiguration.class).text()).contains("testing{fail-before-block=3, fail-in-table=, fail-with=}");
        }
    }

    @Test
    void aPasswordInAUrlsUserPartIsMasked() {
        assertThat(Masked.url("postgresql://ace:" + URL_PASSWORD + "@db.example/ace")).isEqualTo("postgresql://ace:***@db.example/ace");
        assertThat(Masked.url("jdbc:h2:file:/x/repository;PASSWORD=" + URL_PASSWORD + ";AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:/x/repository;PASSWORD=***;AUTO_SERVER=TRUE");
        assertThat(Masked.url("jdbc:h2:file:/x/repository;AUTO_SERVER=TRUE")).isEqualTo("jdbc:h2:file:/x/repository;AUTO_SERVER=TRUE");
    }
}
