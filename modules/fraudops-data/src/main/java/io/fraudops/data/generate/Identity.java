package io.fraudops.data.generate;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** The device, network address and browser a transaction came from. */
record Identity(String deviceFingerprint, String ipAddress, String userAgent) {

  /** First octets of address blocks held by large US consumer ISPs. */
  private static final int[] HOME_NETWORKS = {
    24, 47, 50, 63, 64, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 96, 97, 98, 99, 107, 108, 173,
    174
  };

  /** First octets of address blocks allocated outside North America (hosting, proxies, abroad). */
  private static final int[] FOREIGN_NETWORKS = {
    5, 31, 41, 45, 77, 91, 102, 103, 105, 110, 113, 116, 117, 122, 177, 179, 185, 187, 189, 190,
    196, 197, 200, 201
  };

  /** A card holder's own device and home connection. */
  static Identity ofCardholder(RandomGenerator random) {
    return draw(random, HOME_NETWORKS);
  }

  /** A fraudster's device and connection, unrelated to the victim's. */
  static Identity ofFraudster(RandomGenerator random) {
    return draw(random, FOREIGN_NETWORKS);
  }

  private static Identity draw(RandomGenerator random, int[] networks) {
    String device = HexFormat.of().toHexDigits(random.nextLong());
    String ip =
        networks[random.nextInt(networks.length)]
            + "."
            + random.nextInt(256)
            + "."
            + random.nextInt(256)
            + "."
            + (1 + random.nextInt(254));
    String userAgent = Vocabulary.USER_AGENTS.get(random.nextInt(Vocabulary.USER_AGENTS.size()));
    return new Identity(device, ip, userAgent);
  }
}
