package io.infodesk.knowledge;

import static io.infodesk.support.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.support.Api;
import io.infodesk.support.Api.Reply;
import io.infodesk.support.Deployments;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An owner uploads a document in a script MiniLM cannot read (Chinese): it is indexed, and the
 * source tells the owner that its passages are found by their keywords only; a document in English
 * carries no such warning.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UnreadableSourceIT {

  static final String OWNER = basic("owner", "demo");

  /** The Shenzhen office's guide, in Chinese. */
  static final String CHINESE =
      "# 深圳办公室指南\n\n## 停车\n\n深圳办公室的员工在地下二层停车，停车证由前台发放。\n\n" + "## 打印机\n\n打印机在三楼茶水间旁边，用工牌刷卡取回打印件。\n";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.infodesk();
  }

  @ArquillianResource URL base;

  @Test
  void aDocumentMiniLmCannotReadIsIndexedWithAWarningAndAnEnglishOneWithout() {
    Api api = new Api(base.toString());
    api.awaitReady(Duration.ofMinutes(3));
    long chinese = VectorReuseIT.upload(api, "shenzhen-office.md", CHINESE);
    long english =
        VectorReuseIT.upload(
            api,
            "shenzhen-office-en.md",
            "# Shenzhen office guide\n\n## Parking\n\nStaff at the Shenzhen office park on the"
                + " second basement level; reception issues the parking permits.\n");
    assertThat(SearchStabilityIT.awaitIndexed(api, chinese)).isEqualTo("INDEXED");
    assertThat(SearchStabilityIT.awaitIndexed(api, english)).isEqualTo("INDEXED");

    Reply warned = api.get("/api/sources/" + chinese, OWNER);
    assertThat(warned.status()).as(warned.body()).isEqualTo(200);
    JsonObject source = warned.json();
    assertThat(source.getInt("chunkCount")).as(warned.body()).isPositive();
    assertThat(source.getString("warning", ""))
        .as(warned.body())
        .contains("MiniLM's vocabulary does not know", "keywords only");

    Reply plain = api.get("/api/sources/" + english, OWNER);
    assertThat(plain.json().containsKey("warning")).as(plain.body()).isFalse();
  }
}
