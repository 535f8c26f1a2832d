package dev.kubegenerate.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The enum table is what {@link EnumTableTool} reads from the Go sources. Regenerating needs a git
 * clone of k8s.io/api ({@code -Dapidata.k8sapi=DIR}, its git directory); without it only the reader
 * is tested, on sources written here.
 */
class EnumTableToolTest {

  @Test
  void read_enumTypesTheirConstantsAndTheFieldsThatUseThem() {
    String core =
        """
        package v1

        // Protocol defines network protocols.
        // +enum
        type Protocol string

        const (
        \t// ProtocolTCP is the TCP protocol.
        \tProtocolTCP Protocol = "TCP"
        \tProtocolUDP Protocol = "UDP"
        \tunrelated = "x"
        )

        // not an enum: no marker
        type Name string

        const ProtocolSCTP Protocol = "SCTP"

        type ContainerPort struct {
        \t// +optional
        \tProtocol Protocol `json:"protocol,omitempty" protobuf:"bytes,4,opt,name=protocol"`
        \tName Name `json:"name,omitempty"`
        \tProtocols []Protocol `json:"protocols"`
        }

        type Port struct {
        \tContainerPort `json:",inline"`
        \tOther *Protocol `json:"other"`
        }
        """;
    String networking =
        """
        package v1

        import (
        \tv1 "k8s.io/api/core/v1"
        \tmetav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
        )

        type NetworkPolicyPort struct {
        \tmetav1.TypeMeta `json:",inline"`
        \tProtocol *v1.Protocol `json:"protocol,omitempty"`
        }
        """;
    Map<String, Map<String, List<String>>> read =
        GoEnums.read(Map.of("core/v1/types.go", core, "networking/v1/types.go", networking));
    List<String> tcp = List.of("SCTP", "TCP", "UDP");
    assertEquals(
        Map.of(
            "io.k8s.api.core.v1.ContainerPort", Map.of("protocol", tcp, "protocols", tcp),
            "io.k8s.api.core.v1.Port", Map.of("protocol", tcp, "protocols", tcp, "other", tcp),
            "io.k8s.api.networking.v1.NetworkPolicyPort", Map.of("protocol", tcp)),
        read);
  }

  @Test
  void table_isWhatTheToolReadsFromTheGoSources() throws IOException {
    String k8sApi = System.getProperty("apidata.k8sapi", "");
    assumeTrue(!k8sApi.isEmpty(), "skipped: no -Dapidata.k8sapi=<git dir of k8s.io/api>");
    String expected = EnumTableTool.generate(Path.of(k8sApi));
    if (Boolean.getBoolean("apidata.update")) {
      Files.writeString(EnumTableTool.TABLE, expected, StandardCharsets.UTF_8);
    }
    assertEquals(expected, Files.readString(EnumTableTool.TABLE));
  }

  @Test
  void table_holdsTheFieldsEveryManifestUses() throws IOException {
    String table = Files.readString(EnumTableTool.TABLE);
    for (String release : EnumTableTool.TAGS.keySet()) {
      Map<String, Map<String, List<String>>> enums = EnumTableTool.forRelease(table, release);
      assertEquals(
          List.of("SCTP", "TCP", "UDP"),
          enums.get("io.k8s.api.core.v1.ContainerPort").get("protocol"),
          release);
      assertEquals(
          List.of("Always", "IfNotPresent", "Never"),
          enums.get("io.k8s.api.core.v1.Container").get("imagePullPolicy"),
          release);
      assertTrue(
          enums.get("io.k8s.api.core.v1.ServiceSpec").get("type").contains("LoadBalancer"),
          release);
    }
  }
}
