package dev.kubegenerate.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kubegenerate.github.ActionInputs.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActionInputsTest {

  private static final String TOKEN = "ghs_16C7e42F292c6912E7710c838347Ae178B4a";

  @Test
  void from_noInputs_checksWorkspaceInGithubFormatWithComment() {
    assertEquals(List.of("check", "--format", "github", "--comment"), ActionInputs.from(Map.of()));
  }

  @Test
  void from_runnerDefaults_sameAsNoInputs() {
    // what the runner sets when a workflow gives no `with:` at all (action.yml's defaults)
    Map<String, String> env =
        Map.of(
            "INPUT_CONFIG", "kube-generate.yaml",
            "INPUT_WORKING-DIRECTORY", ".",
            "INPUT_ALL", "false",
            "INPUT_FAIL-ON", "",
            "INPUT_COMMENT", "true",
            "INPUT_GITHUB-TOKEN", TOKEN,
            "INPUT_TEMPLATES", "");
    assertEquals(List.of("check", "--format", "github", "--comment"), ActionInputs.from(env));
  }

  @Test
  void from_everyInput_globalOptionsBeforeCheck() {
    Map<String, String> env =
        Map.of(
            "INPUT_CONFIG", "deploy/kg.yaml",
            "INPUT_WORKING-DIRECTORY", "services/people",
            "INPUT_ALL", "true",
            "INPUT_FAIL-ON", "stale,hand-edited",
            "INPUT_COMMENT", "false",
            "INPUT_GITHUB-TOKEN", TOKEN,
            "INPUT_TEMPLATES", "platform/templates");
    assertEquals(
        List.of(
            "-C",
            "services/people",
            "-f",
            "deploy/kg.yaml",
            "--all",
            "check",
            "--format",
            "github",
            "--fail-on",
            "stale,hand-edited",
            "--templates",
            "platform/templates"),
        ActionInputs.from(env));
  }

  @Test
  void from_update_runsUpdateWithTheOptionsThatChangeTheRender_notTheCheck() {
    Map<String, String> env =
        Map.of(
            "INPUT_UPDATE", "true",
            "INPUT_WORKING-DIRECTORY", "services/people",
            "INPUT_ALL", "true",
            "INPUT_FAIL-ON", "stale",
            "INPUT_GITHUB-TOKEN", TOKEN,
            "INPUT_TEMPLATES", "platform/templates");
    assertEquals(
        List.of(
            "-C",
            "services/people",
            "--all",
            "--templates",
            "platform/templates",
            "--update",
            "--format",
            "github"),
        ActionInputs.from(env));
  }

  @Test
  void parse_updateNotABoolean_namesTheInput() {
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ActionInputs.InvalidInputException.class,
            () -> ActionInputs.parse(Map.of("INPUT_UPDATE", "yes")));
    assertEquals("INPUT_UPDATE must be true or false, got \"yes\"", e.getMessage());
  }

  @Test
  void from_valuesWithSpaceAndNewlines_trimmed() {
    Map<String, String> env =
        Map.of(
            "INPUT_WORKING-DIRECTORY", "  services/people \n",
            "INPUT_ALL", " true\n",
            "INPUT_COMMENT", "\tfalse ",
            "INPUT_FAIL-ON", "\n stale , missing\n");
    assertEquals(
        List.of(
            "-C",
            "services/people",
            "--all",
            "check",
            "--format",
            "github",
            "--fail-on",
            "stale,missing"),
        ActionInputs.from(env));
  }

  @ParameterizedTest
  @CsvSource({"true,true", "True,true", "TRUE,true", "false,false", "False,false", "FALSE,false"})
  void parse_yamlCoreBooleans_accepted(String value, boolean expected) {
    assertEquals(expected, ActionInputs.parse(Map.of("INPUT_ALL", value)).all());
    assertEquals(expected, ActionInputs.parse(Map.of("INPUT_COMMENT", value)).comment());
  }

  @Test
  void parse_allNotBoolean_namesInputAndValue() {
    var e =
        assertThrows(
            InvalidInputException.class,
            () -> ActionInputs.parse(Map.of("INPUT_ALL", "yes please")));
    assertEquals("INPUT_ALL must be true or false, got \"yes please\"", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "1", "on", "tRUE"})
  void parse_commentNotCoreBoolean_rejected(String value) {
    var e =
        assertThrows(
            InvalidInputException.class, () -> ActionInputs.parse(Map.of("INPUT_COMMENT", value)));
    assertEquals("INPUT_COMMENT must be true or false, got \"" + value + "\"", e.getMessage());
  }

  @Test
  void parse_failOnUnknownStatus_listsTheValidOnes() {
    var e =
        assertThrows(
            InvalidInputException.class,
            () -> ActionInputs.parse(Map.of("INPUT_FAIL-ON", "stale,handedited")));
    assertEquals(
        "INPUT_FAIL-ON has an unknown status or rule \"handedited\"; use a comma list of: "
            + "hand-edited, stale, outdated, missing, unmanaged, orphaned, ok, handwritten, invalid, removed-api, deprecated-api, prestop-grace, pdb-blocks-drain",
        e.getMessage());
  }

  @Test
  void from_failOnOnePerLineWithRepeats_oneCommaList() {
    List<String> args =
        ActionInputs.from(
            Map.of(
                "INPUT_FAIL-ON", "stale\nmissing\nstale\nremoved-api\n", "INPUT_COMMENT", "false"));
    assertEquals(
        List.of("check", "--format", "github", "--fail-on", "stale,missing,removed-api"), args);
  }

  @ParameterizedTest
  @CsvSource({
    "'./services/people/',services/people",
    "'services//people',services/people",
    "'./',.",
    "'.',."
  })
  void parse_workingDirectory_normalised(String value, String expected) {
    assertEquals(
        expected, ActionInputs.parse(Map.of("INPUT_WORKING-DIRECTORY", value)).workingDirectory());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc", "../other-repo", "services/../../etc", "..", "C:/repo"})
  void parse_workingDirectoryOutsideRepository_rejected(String value) {
    var e =
        assertThrows(
            InvalidInputException.class,
            () -> ActionInputs.parse(Map.of("INPUT_WORKING-DIRECTORY", value)));
    assertEquals(
        "INPUT_WORKING-DIRECTORY must be a relative path inside the repository, got \""
            + value
            + "\"",
        e.getMessage());
  }

  @Test
  void parse_templatesAbsolute_rejected() {
    var e =
        assertThrows(
            InvalidInputException.class,
            () -> ActionInputs.parse(Map.of("INPUT_TEMPLATES", "/github/home/templates")));
    assertEquals(
        "INPUT_TEMPLATES must be a relative path inside the repository, got \"/github/home/templates\"",
        e.getMessage());
  }

  @Test
  void parse_configOnTwoLines_rejectedOnOneLine() {
    var e =
        assertThrows(
            InvalidInputException.class,
            () -> ActionInputs.parse(Map.of("INPUT_CONFIG", "a.yaml\nb.yaml")));
    assertEquals("INPUT_CONFIG must be a single line, got \"a.yaml\\nb.yaml\"", e.getMessage());
  }

  @Test
  void from_token_neverAnArgument() {
    List<String> args =
        ActionInputs.from(Map.of("INPUT_GITHUB-TOKEN", TOKEN, "INPUT_CONFIG", "kg.yaml"));
    assertEquals(List.of("-f", "kg.yaml", "check", "--format", "github", "--comment"), args);
  }

  @Test
  void parse_tokenInAPath_refusedWithoutRepeatingIt() {
    var e =
        assertThrows(
            InvalidInputException.class,
            () ->
                ActionInputs.parse(
                    Map.of("INPUT_GITHUB-TOKEN", TOKEN, "INPUT_TEMPLATES", "t/" + TOKEN)));
    assertEquals("INPUT_TEMPLATES must not contain the github-token", e.getMessage());
  }

  @Test
  void parse_tokenAsBadValue_maskedInMessage() {
    var e =
        assertThrows(
            InvalidInputException.class,
            () -> ActionInputs.parse(Map.of("INPUT_GITHUB-TOKEN", TOKEN, "INPUT_ALL", TOKEN)));
    assertEquals("INPUT_ALL must be true or false, got \"***\"", e.getMessage());
  }

  @Property(tries = 500)
  void from_anyInputs_tokenNeverLeaks(
      @ForAll @AlphaChars @StringLength(min = 8, max = 40) String token,
      @ForAll @NumericChars @StringLength(min = 8, max = 40) String appToken,
      @ForAll @Size(10) List<String> values,
      @ForAll @Size(10) List<Integer> withToken) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < ActionInputs.NAMES.size(); i++) {
      int which = Math.floorMod(withToken.get(i), 3);
      env.put(
          ActionInputs.variable(ActionInputs.NAMES.get(i)),
          values.get(i) + (which == 1 ? token : which == 2 ? appToken : ""));
    }
    env.put("INPUT_GITHUB-TOKEN", token);
    env.put("INPUT_AUTOFIX-TOKEN", appToken);
    try {
      ActionInputs.from(env)
          .forEach(
              arg -> {
                assertFalse(arg.contains(token), arg);
                assertFalse(arg.contains(appToken), arg);
              });
    } catch (InvalidInputException e) {
      assertFalse(e.getMessage().contains(token), e.getMessage());
      assertFalse(e.getMessage().contains(appToken), e.getMessage());
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
  }

  @Test
  void from_autofix_anArgumentOfTheCheckButItsTokenNever() {
    List<String> args =
        ActionInputs.from(
            Map.of("INPUT_AUTOFIX", "true", "INPUT_AUTOFIX-TOKEN", "ghs_app0123456789"));
    assertEquals(List.of("check", "--format", "github", "--comment", "--autofix"), args);
    assertEquals(
        List.of("--update", "--format", "github"),
        ActionInputs.from(Map.of("INPUT_AUTOFIX", "true", "INPUT_UPDATE", "true")),
        "the scheduled update writes the files itself");
  }

  @Test
  void parse_autofixTokenInAPath_refusedWithoutRepeatingIt() {
    var e =
        assertThrows(
            InvalidInputException.class,
            () ->
                ActionInputs.parse(
                    Map.of("INPUT_AUTOFIX-TOKEN", TOKEN, "INPUT_CONFIG", TOKEN + ".yaml")));
    assertEquals("INPUT_CONFIG must not contain the autofix-token", e.getMessage());
  }

  @Test
  void variable_dashesKeptSpacesToUnderscore() {
    assertEquals("INPUT_FAIL-ON", ActionInputs.variable("fail-on"));
    assertEquals("INPUT_GITHUB-TOKEN", ActionInputs.variable("github-token"));
    assertEquals("INPUT_MY_INPUT", ActionInputs.variable("my input"));
  }
}
