package com.emporium.product.demo;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rule that puts a demo product into a category: the first category, in this order, one of
 * whose keywords is a whole word of the product's name (ignoring case); else "Gifts and more".
 * Each category belongs to one of the two demo stores.
 */
final class DemoCategories {

	/** A category, the demo store that sells it, and its keywords. */
	record Rule(String slug, String name, int store, List<String> keywords) {

		boolean matches(String name) {
			String words = " " + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", " ") + " ";
			return this.keywords.stream().anyMatch(keyword -> words.contains(" " + keyword + " "));
		}

	}

	static final List<Rule> RULES = List.of(
			new Rule("candles-and-lights", "Candles and lights", 0,
					List.of("CANDLE", "CANDLES", "T", "LIGHT", "LIGHTS", "LANTERN", "LAMP", "TEALIGHT", "NIGHTLIGHT")),
			new Rule("christmas-and-party", "Christmas and party", 1,
					List.of("CHRISTMAS", "XMAS", "PARTY", "BIRTHDAY", "CARD", "CARDS", "WRAP", "RIBBON", "RIBBONS",
							"EASTER", "BALLOON", "BALLOONS", "ADVENT", "BUNTING", "CRACKERS", "SNOWFLAKE")),
			new Rule("kitchen-and-dining", "Kitchen and dining", 0,
					List.of("MUG", "MUGS", "CUP", "CUPS", "SAUCER", "PLATE", "PLATES", "BOWL", "BOWLS", "TEA", "COFFEE",
							"CAKE", "CAKES", "CAKESTAND", "BAKING", "SPOON", "SPOONS", "JAR", "LUNCH", "BOTTLE", "NAPKINS",
							"KITCHEN", "APRON", "TRAY", "CUTLERY", "JUG", "TEAPOT", "CUPCAKE", "JAM", "RECIPE", "TOAST",
							"EGG", "DINNER", "CHOPSTICKS", "PANTRY", "STRAWS")),
			new Rule("bags-and-storage", "Bags and storage", 0,
					List.of("BAG", "BAGS", "BOX", "BOXES", "TIN", "TINS", "BASKET", "CASE", "PURSE", "HOLDER", "STORAGE",
							"CHEST", "DRAWER", "WALLET", "SHOPPER", "TOTE")),
			new Rule("toys-and-games", "Toys and games", 1,
					List.of("TOY", "TOYS", "GAME", "GAMES", "PLAYHOUSE", "DOLL", "DOLLY", "SPACEBOY", "JIGSAW", "PUZZLE",
							"CRAYONS", "SKIPPING", "CHILDRENS", "CHILDREN", "BABY", "DOMINOES", "TEDDY", "KIDS")),
			new Rule("stationery", "Stationery", 1,
					List.of("PEN", "PENS", "PENCIL", "PENCILS", "NOTEBOOK", "STICKER", "STICKERS", "PAPER", "JOURNAL",
							"ERASER", "CALENDAR", "BOOK", "NOTE", "NOTEPAD", "ENVELOPES", "STATIONERY", "TAPE")),
			new Rule("home-decor", "Home decor", 0,
					List.of("SIGN", "FRAME", "HEART", "HEARTS", "CLOCK", "MIRROR", "CUSHION", "DOORMAT", "VASE", "HOOK",
							"HOOKS", "WREATH", "ORNAMENT", "DECORATION", "GARLAND", "HANGING", "CHALKBOARD", "DOORSTOP",
							"PHOTO", "WALL", "PLANT", "FLOWER", "BIRD", "BUTTERFLY", "QUILT", "THROW")));

	static final Rule OTHER = new Rule("gifts-and-more", "Gifts and more", 1, List.of());

	private DemoCategories() {
	}

	static Rule of(String productName) {
		return RULES.stream().filter(rule -> rule.matches(productName)).findFirst().orElse(OTHER);
	}

}
