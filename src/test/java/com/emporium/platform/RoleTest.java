package com.emporium.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RoleTest {
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern ROLE_CHECK = Pattern.compile("CHECK \\(role IN \\(([^)]*)\\)\\)");

    @Test
    void theAccountTablesCheckAllowsExactlyTheRolesOfTheEnum() throws IOException {
        List<String> inDatabase = latestRoleCheck();
        assertThat(inDatabase)
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(Role.values()).map(Role::value).toList());
    }

    @Test
    void everyRoleIsSpelledAsTheConstantsThatRolesAllowedUses() {
        assertThat(Role.CUSTOMER.value()).isEqualTo(Roles.CUSTOMER);
        assertThat(Role.STAFF.value()).isEqualTo(Roles.STAFF);
        assertThat(Role.ADMIN.value()).isEqualTo(Roles.ADMIN);
    }

    @Test
    void aRoleIsReadOnlyFromItsExactSpelling() {
        assertThat(Role.of("staff")).contains(Role.STAFF);
        assertThat(Role.of("STAFF")).isEmpty();
        assertThat(Role.of("root")).isEmpty();
        assertThat(Role.of(null)).isEmpty();
        assertThat(Role.ADMIN).hasToString("admin");
    }

    /** The role list of the newest migration that states one: later ones would override V3's. */
    private static List<String> latestRoleCheck() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            scripts = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(RoleTest::version).reversed())
                    .toList();
        }
        for (Path script : scripts) {
            Matcher check = ROLE_CHECK.matcher(Files.readString(script));
            if (check.find()) {
                return Arrays.stream(check.group(1).split(","))
                        .map(String::trim)
                        .map(v -> v.replaceAll("^'|'$", ""))
                        .toList();
            }
        }
        throw new AssertionError("No migration states the roles an account may have");
    }

    private static int version(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
