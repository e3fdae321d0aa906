package io.fraudops.data.generate;

import java.util.List;

/**
 * The words of the synthetic world: card holder names, merchant brands per category and browser
 * user agents. Merchant brands are invented, so no real company appears in fraud data.
 */
final class Vocabulary {
  private Vocabulary() {}

  static final List<String> FIRST_NAMES =
      List.of(
          "James",
          "Mary",
          "Robert",
          "Patricia",
          "John",
          "Jennifer",
          "Michael",
          "Linda",
          "David",
          "Elizabeth",
          "William",
          "Barbara",
          "Richard",
          "Susan",
          "Joseph",
          "Jessica",
          "Thomas",
          "Sarah",
          "Charles",
          "Karen",
          "Christopher",
          "Lisa",
          "Daniel",
          "Nancy",
          "Matthew",
          "Betty",
          "Anthony",
          "Sandra",
          "Mark",
          "Margaret",
          "Donald",
          "Ashley",
          "Steven",
          "Kimberly",
          "Andrew",
          "Emily",
          "Paul",
          "Donna",
          "Joshua",
          "Michelle",
          "Kenneth",
          "Carol",
          "Kevin",
          "Amanda",
          "Brian",
          "Melissa",
          "George",
          "Deborah",
          "Timothy",
          "Stephanie",
          "Carlos",
          "Maria",
          "Wei",
          "Mei",
          "Raj",
          "Priya",
          "Ahmed",
          "Fatima",
          "Hiroshi",
          "Yuki",
          "Luis",
          "Sofia",
          "Kwame",
          "Amara");

  static final List<String> LAST_NAMES =
      List.of(
          "Smith",
          "Johnson",
          "Williams",
          "Brown",
          "Jones",
          "Garcia",
          "Miller",
          "Davis",
          "Rodriguez",
          "Martinez",
          "Hernandez",
          "Lopez",
          "Gonzalez",
          "Wilson",
          "Anderson",
          "Thomas",
          "Taylor",
          "Moore",
          "Jackson",
          "Martin",
          "Lee",
          "Perez",
          "Thompson",
          "White",
          "Harris",
          "Sanchez",
          "Clark",
          "Ramirez",
          "Lewis",
          "Robinson",
          "Walker",
          "Young",
          "Allen",
          "King",
          "Wright",
          "Scott",
          "Torres",
          "Nguyen",
          "Hill",
          "Flores",
          "Green",
          "Adams",
          "Nelson",
          "Baker",
          "Hall",
          "Rivera",
          "Campbell",
          "Mitchell",
          "Carter",
          "Roberts",
          "Chen",
          "Patel",
          "Kim",
          "O'Brien",
          "Okafor",
          "Tanaka",
          "Kowalski",
          "Novak",
          "Murphy",
          "Cohen");

  /** Invented merchant brands, per category in the order of {@link SpendingProfile#ALL}. */
  static final List<List<String>> MERCHANTS =
      List.of(
          List.of(
              "FreshMart",
              "GreenBasket Market",
              "Daily Harvest",
              "Corner Grocer",
              "ValueFoods",
              "Sunrise Supermarket",
              "Pantry Plus",
              "Market Square Foods"),
          List.of(
              "FuelStop",
              "QuickFill",
              "Highway Petrol",
              "Blue Flame Gas",
              "RoadRunner Fuel",
              "Metro Gas & Go"),
          List.of(
              "The Golden Fork",
              "Bella Cucina",
              "Dragon Garden",
              "Taco Fiesta",
              "Burger Barn",
              "Sakura Sushi",
              "Main Street Diner",
              "Café Lumière",
              "Spice Route"),
          List.of(
              "ShopSphere",
              "ClickCart",
              "MegaDeals Online",
              "Parcelio",
              "BuyNest",
              "TechBay Store",
              "StyleHub"),
          List.of(
              "CinemaMax",
              "Galaxy Arcade",
              "LiveNation Tickets Co",
              "StreamFlix",
              "Bowl-O-Rama",
              "Concert Hall Box Office"),
          List.of(
              "SkyWays Airlines",
              "GlobeTrotter Travel",
              "Comfort Inn & Suites",
              "RoadTrip Rentals",
              "Harbor Hotel",
              "JetSet Bookings"),
          List.of(
              "CityCare Pharmacy",
              "Wellness Clinic",
              "BrightSmile Dental",
              "Vision Center",
              "Family Health Partners"),
          List.of(
              "Metro Power & Light",
              "AquaCity Water",
              "FiberNet Internet",
              "Cellular One Wireless",
              "Gas Utility Co"));

  static final List<String> USER_AGENTS =
      List.of(
          "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
              + " Chrome/124.0.0.0 Safari/537.36",
          "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"
              + " Version/17.4 Safari/605.1.15",
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko)"
              + " Chrome/124.0.0.0 Safari/537.36",
          "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15"
              + " (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
          "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
              + " Version/17.4 Mobile/15E148 Safari/604.1",
          "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
              + " Chrome/124.0.0.0 Mobile Safari/537.36",
          "Mozilla/5.0 (Linux; Android 13; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko)"
              + " Chrome/123.0.0.0 Mobile Safari/537.36",
          "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
              + " Chrome/124.0.0.0 Safari/537.36",
          "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
              + " Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51");
}
