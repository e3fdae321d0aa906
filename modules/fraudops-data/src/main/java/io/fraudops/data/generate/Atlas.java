package io.fraudops.data.generate;

import io.fraudops.core.transaction.TransactionSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The cities of the synthetic world: card holders live in US cities; merchants are in those and in
 * cities of the six foreign countries of the reference data. Places are addressed by their index in
 * {@link #PLACES} so the generator can keep them in primitive arrays.
 */
final class Atlas {
  private Atlas() {}

  static final double EARTH_RADIUS_KM = 6371.0088;

  /** US cities first ({@code 0 .. US_PLACES-1}), then foreign cities grouped by country. */
  static final List<Place> PLACES;

  static final int US_PLACES;

  /** For each foreign country of {@link TransactionSchema#COUNTRIES} (index 1..6): its places. */
  private static final int[][] FOREIGN_PLACES_BY_COUNTRY;

  /** Cumulative population weights of the US cities, for weighted draws. */
  private static final double[] US_CDF;

  static {
    List<Place> us =
        List.of(
            us("New York", 40.7128, -74.0060, 8.3),
            us("Los Angeles", 34.0522, -118.2437, 3.9),
            us("Chicago", 41.8781, -87.6298, 2.7),
            us("Houston", 29.7604, -95.3698, 2.3),
            us("Phoenix", 33.4484, -112.0740, 1.6),
            us("Philadelphia", 39.9526, -75.1652, 1.6),
            us("San Antonio", 29.4241, -98.4936, 1.5),
            us("San Diego", 32.7157, -117.1611, 1.4),
            us("Dallas", 32.7767, -96.7970, 1.3),
            us("San Jose", 37.3382, -121.8863, 1.0),
            us("Austin", 30.2672, -97.7431, 1.0),
            us("Jacksonville", 30.3322, -81.6557, 0.95),
            us("Columbus", 39.9612, -82.9988, 0.9),
            us("Charlotte", 35.2271, -80.8431, 0.88),
            us("Indianapolis", 39.7684, -86.1581, 0.88),
            us("San Francisco", 37.7749, -122.4194, 0.81),
            us("Seattle", 47.6062, -122.3321, 0.74),
            us("Denver", 39.7392, -104.9903, 0.71),
            us("Nashville", 36.1627, -86.7816, 0.69),
            us("Washington", 38.9072, -77.0369, 0.69),
            us("Boston", 42.3601, -71.0589, 0.65),
            us("Las Vegas", 36.1699, -115.1398, 0.64),
            us("Portland", 45.5152, -122.6784, 0.64),
            us("Detroit", 42.3314, -83.0458, 0.63),
            us("Memphis", 35.1495, -90.0490, 0.63),
            us("Atlanta", 33.7490, -84.3880, 0.50),
            us("Miami", 25.7617, -80.1918, 0.44),
            us("Minneapolis", 44.9778, -93.2650, 0.43),
            us("New Orleans", 29.9511, -90.0715, 0.38),
            us("Salt Lake City", 40.7608, -111.8910, 0.20),
            us("Anchorage", 61.2181, -149.9003, 0.29),
            us("Honolulu", 21.3099, -157.8581, 0.35));
    List<List<Place>> foreign =
        List.of(
            List.of(
                abroad("Shanghai", "China", 31.2304, 121.4737),
                abroad("Beijing", "China", 39.9042, 116.4074),
                abroad("Shenzhen", "China", 22.5431, 114.0579)),
            List.of(
                abroad("Moscow", "Russia", 55.7558, 37.6173),
                abroad("Saint Petersburg", "Russia", 59.9311, 30.3609),
                abroad("Novosibirsk", "Russia", 55.0084, 82.9357)),
            List.of(
                abroad("Lagos", "Nigeria", 6.5244, 3.3792),
                abroad("Abuja", "Nigeria", 9.0765, 7.3986),
                abroad("Kano", "Nigeria", 12.0022, 8.5920)),
            List.of(
                abroad("São Paulo", "Brazil", -23.5505, -46.6333),
                abroad("Rio de Janeiro", "Brazil", -22.9068, -43.1729),
                abroad("Brasília", "Brazil", -15.7975, -47.8919)),
            List.of(
                abroad("Mumbai", "India", 19.0760, 72.8777),
                abroad("Delhi", "India", 28.7041, 77.1025),
                abroad("Bangalore", "India", 12.9716, 77.5946)),
            List.of(
                abroad("Manila", "Philippines", 14.5995, 120.9842),
                abroad("Cebu City", "Philippines", 10.3157, 123.8854),
                abroad("Davao City", "Philippines", 7.1907, 125.4553)));

    List<Place> all = new ArrayList<>(us);
    FOREIGN_PLACES_BY_COUNTRY = new int[TransactionSchema.COUNTRIES.size()][];
    FOREIGN_PLACES_BY_COUNTRY[0] = new int[0];
    for (List<Place> country : foreign) {
      int countryIndex = TransactionSchema.COUNTRIES.indexOf(country.get(0).country());
      int[] indices = new int[country.size()];
      for (int i = 0; i < indices.length; i++) {
        indices[i] = all.size();
        all.add(country.get(i));
      }
      FOREIGN_PLACES_BY_COUNTRY[countryIndex] = indices;
    }
    PLACES = List.copyOf(all);
    US_PLACES = us.size();
    US_CDF = new double[US_PLACES];
    double sum = 0;
    for (int i = 0; i < US_PLACES; i++) {
      sum += us.get(i).weight();
      US_CDF[i] = sum;
    }
    for (int i = 0; i < US_PLACES; i++) {
      US_CDF[i] /= sum;
    }
  }

  private static Place us(String city, double latitude, double longitude, double weight) {
    return new Place(city, TransactionSchema.HOME_COUNTRY, latitude, longitude, weight);
  }

  private static Place abroad(String city, String country, double latitude, double longitude) {
    return new Place(city, country, latitude, longitude, 1);
  }

  /** A US city drawn by population. */
  static int drawUsPlace(RandomGenerator random) {
    return Sampling.pick(US_CDF, random.nextDouble());
  }

  /** A US city other than {@code except}, drawn by population. */
  static int drawOtherUsPlace(RandomGenerator random, int except) {
    int place;
    do {
      place = drawUsPlace(random);
    } while (place == except);
    return place;
  }

  /** A city of a foreign country, the country drawn uniformly. */
  static int drawForeignPlace(RandomGenerator random) {
    int country = 1 + random.nextInt(FOREIGN_PLACES_BY_COUNTRY.length - 1);
    int[] places = FOREIGN_PLACES_BY_COUNTRY[country];
    return places[random.nextInt(places.length)];
  }

  static boolean isForeign(int place) {
    return place >= US_PLACES;
  }

  /** Great-circle (haversine) distance in kilometres. */
  static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double phi1 = Math.toRadians(lat1);
    double phi2 = Math.toRadians(lat2);
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(lon2 - lon1);
    double sinPhi = Math.sin(dPhi / 2);
    double sinLambda = Math.sin(dLambda / 2);
    double a = sinPhi * sinPhi + Math.cos(phi1) * Math.cos(phi2) * sinLambda * sinLambda;
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  /**
   * Writes into {@code out} a point drawn uniformly within {@code radiusKm} of the centre of {@code
   * place}: {@code out[0]} latitude, {@code out[1]} longitude.
   */
  static void nearby(int place, double radiusKm, RandomGenerator random, double[] out) {
    Place centre = PLACES.get(place);
    double distance = radiusKm * Math.sqrt(random.nextDouble());
    double bearing = random.nextDouble() * 2 * Math.PI;
    double kmPerDegree = Math.PI * EARTH_RADIUS_KM / 180;
    out[0] = centre.latitude() + distance * Math.cos(bearing) / kmPerDegree;
    out[1] =
        centre.longitude()
            + distance
                * Math.sin(bearing)
                / (kmPerDegree * Math.cos(Math.toRadians(centre.latitude())));
  }
}
