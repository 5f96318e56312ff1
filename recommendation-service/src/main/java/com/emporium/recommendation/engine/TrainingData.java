package com.emporium.recommendation.engine;

import java.io.Serializable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Interactions indexed for training: users and items numbered densely, each user's items with their
 * strength and recency in compressed rows, purchases grouped into baskets. Built once per training
 * run and read by every model; immutable.
 */
public final class TrainingData implements Serializable {

	private static final long serialVersionUID = 1L;

	private static final double SECONDS_PER_DAY = 86_400.0;

	final Instant now;

	/** By index; null for a user forgotten since training ({@link #without}). */
	final @Nullable String[] users;

	final String[] items;

	final Map<String, Integer> userIndex;

	final Map<String, Integer> itemIndex;

	/** Text, category and tags per item index; absent items have an empty description. */
	final ItemInfo[] info;

	// Per user u, the entries rowStart[u] .. rowStart[u + 1] - 1, items ascending.
	final int[] rowStart;

	final int[] rowItem;

	/** Sum of interaction weights. */
	final float[] rowWeight;

	/** Distinct baskets (orders) in which the user bought the item; 0 if never bought. */
	final int[] rowBaskets;

	/** Units bought. */
	final int[] rowUnits;

	/**
	 * Baskets holding the item, each discounted by its age: half-lives of 30 and 120 days. Recent
	 * habits predict the next order better than old ones.
	 */
	final float[] rowDecayed30;

	final float[] rowDecayed120;

	/** Days before {@link #now} of the latest interaction of any kind. */
	final float[] rowAgeDays;

	/** Days before {@link #now} of the latest purchase; +inf if never bought. */
	final float[] rowPurchaseAgeDays;

	/** Days before {@link #now} of the first purchase; +inf if never bought. */
	final float[] rowFirstPurchaseAgeDays;

	/** Per user: days since their first basket (their tenure as a customer), 0 if none. */
	final float[] userFirstBasketAgeDays;

	/** Per user: distinct baskets, and days since the latest one (+inf if none). */
	final int[] userBaskets;

	final float[] userLastBasketAgeDays;

	/** Baskets: the distinct items of each purchase, with its age in days. */
	final int[][] baskets;

	final float[] basketAgeDays;

	/**
	 * Per basket: whose it is, so that a forgotten user's orders go with them; null in data trained
	 * before it was kept.
	 */
	final int @Nullable [] basketUser;

	/** Per item: distinct buyers, distinct interacting users, users who bought it in 2+ baskets. */
	final int[] itemBuyers;

	final int[] itemUsers;

	final int[] itemRepeatBuyers;

	/** Per item: days since its first interaction (how new it is to the shop). */
	final float[] itemAgeDays;

	private TrainingData(Instant now, String[] users, String[] items, ItemInfo[] info, int[] rowStart, int[] rowItem,
			float[] rowWeight, int[] rowBaskets, int[] rowUnits, float[] rowDecayed30, float[] rowDecayed120, float[] rowAgeDays, float[] rowPurchaseAgeDays, float[] rowFirstPurchaseAgeDays,
			int[][] baskets, float[] basketAgeDays, int[] basketUser, float[] itemAgeDays) {
		this.now = now;
		this.users = users;
		this.items = items;
		this.info = info;
		this.userIndex = indexOf(users);
		this.itemIndex = indexOf(items);
		this.rowStart = rowStart;
		this.rowItem = rowItem;
		this.rowWeight = rowWeight;
		this.rowBaskets = rowBaskets;
		this.rowUnits = rowUnits;
		this.rowDecayed30 = rowDecayed30;
		this.rowDecayed120 = rowDecayed120;
		this.rowAgeDays = rowAgeDays;
		this.rowPurchaseAgeDays = rowPurchaseAgeDays;
		this.rowFirstPurchaseAgeDays = rowFirstPurchaseAgeDays;
		this.userFirstBasketAgeDays = new float[users.length];
		this.baskets = baskets;
		this.basketAgeDays = basketAgeDays;
		this.basketUser = basketUser;
		this.itemAgeDays = itemAgeDays;
		this.itemBuyers = new int[items.length];
		this.itemUsers = new int[items.length];
		this.itemRepeatBuyers = new int[items.length];
		this.userBaskets = new int[users.length];
		this.userLastBasketAgeDays = new float[users.length];
		for (int u = 0; u < users.length; u++) {
			for (int r = rowStart[u]; r < rowStart[u + 1]; r++) {
				int item = rowItem[r];
				this.itemUsers[item]++;
				if (rowBaskets[r] > 0) {
					this.itemBuyers[item]++;
				}
				if (rowBaskets[r] > 1) {
					this.itemRepeatBuyers[item]++;
				}
			}
		}
		Arrays.fill(this.userLastBasketAgeDays, Float.POSITIVE_INFINITY);
	}

	/** A copy of {@code source} without one user: see {@link #without}. */
	private TrainingData(TrainingData source, int user) {
		int from = source.rowStart[user];
		int to = source.rowStart[user + 1];
		this.now = source.now;
		this.users = source.users.clone();
		this.users[user] = null;
		Map<String, Integer> userIndex = new HashMap<>(source.userIndex);
		userIndex.remove(source.users[user]);
		this.userIndex = userIndex;
		this.items = source.items;
		this.itemIndex = source.itemIndex;
		this.info = source.info;
		this.rowStart = source.rowStart.clone();
		for (int u = user + 1; u < this.rowStart.length; u++) {
			this.rowStart[u] -= to - from;
		}
		this.rowItem = cut(source.rowItem, from, to);
		this.rowWeight = cut(source.rowWeight, from, to);
		this.rowBaskets = cut(source.rowBaskets, from, to);
		this.rowUnits = cut(source.rowUnits, from, to);
		this.rowDecayed30 = cut(source.rowDecayed30, from, to);
		this.rowDecayed120 = cut(source.rowDecayed120, from, to);
		this.rowAgeDays = cut(source.rowAgeDays, from, to);
		this.rowPurchaseAgeDays = cut(source.rowPurchaseAgeDays, from, to);
		this.rowFirstPurchaseAgeDays = cut(source.rowFirstPurchaseAgeDays, from, to);
		this.userFirstBasketAgeDays = source.userFirstBasketAgeDays.clone();
		this.userFirstBasketAgeDays[user] = 0;
		this.userBaskets = source.userBaskets.clone();
		this.userBaskets[user] = 0;
		this.userLastBasketAgeDays = source.userLastBasketAgeDays.clone();
		this.userLastBasketAgeDays[user] = Float.POSITIVE_INFINITY;
		int[] owners = source.basketUser;
		List<Integer> kept = new ArrayList<>();
		if (owners != null) {
			for (int b = 0; b < owners.length; b++) {
				if (owners[b] != user) {
					kept.add(b);
				}
			}
		}
		// Without owners (data trained before they were kept) no basket can be told apart: none is
		// kept. Only training reads baskets, so serving loses nothing.
		this.baskets = new int[kept.size()][];
		this.basketAgeDays = new float[kept.size()];
		this.basketUser = new int[kept.size()];
		for (int k = 0; k < kept.size(); k++) {
			int b = kept.get(k);
			this.baskets[k] = source.baskets[b];
			this.basketAgeDays[k] = source.basketAgeDays[b];
			this.basketUser[k] = (owners != null) ? owners[b] : -1;
		}
		// Sums over users (per-item buyers, users, repeat buyers, age) stay as trained.
		this.itemBuyers = source.itemBuyers;
		this.itemUsers = source.itemUsers;
		this.itemRepeatBuyers = source.itemRepeatBuyers;
		this.itemAgeDays = source.itemAgeDays;
	}

	/**
	 * A copy that no longer knows one user: their id, their row (the items they touched, with
	 * weights, recency and baskets), their per-user figures and their orders are gone; the other
	 * users keep their numbers, so models indexed by user stay valid. What was summed over all
	 * users (per-item counts and ages) stays as trained.
	 * @param user the user's index
	 */
	TrainingData without(int user) {
		return new TrainingData(this, user);
	}

	/** A shorter copy of a per-row array: the rows {@code [from, to)} taken out. */
	static int[] cut(int[] rows, int from, int to) {
		int[] cut = new int[rows.length - (to - from)];
		System.arraycopy(rows, 0, cut, 0, from);
		System.arraycopy(rows, to, cut, from, rows.length - to);
		return cut;
	}

	static float[] cut(float[] rows, int from, int to) {
		float[] cut = new float[rows.length - (to - from)];
		System.arraycopy(rows, 0, cut, 0, from);
		System.arraycopy(rows, to, cut, from, rows.length - to);
		return cut;
	}

	/**
	 * Indexes the interactions that happened before {@code now}; later ones are left out, so that a
	 * model trained "as of" a date never sees the future.
	 * @param interactions in any order
	 * @param catalog what is known about each item (text for the content model); may be empty
	 * @param now the training time: ages are measured from here
	 * @param weights the strength of each kind of interaction
	 */
	public static TrainingData of(Collection<Interaction> interactions, Map<String, ItemInfo> catalog, Instant now,
			InteractionWeights weights) {
		Map<String, Integer> userIds = new LinkedHashMap<>();
		Map<String, Integer> itemIds = new LinkedHashMap<>();
		List<Interaction> kept = new ArrayList<>(interactions.size());
		for (Interaction interaction : interactions) {
			if (interaction.at().isBefore(now)) {
				kept.add(interaction);
				userIds.putIfAbsent(interaction.user(), userIds.size());
				itemIds.putIfAbsent(interaction.item(), itemIds.size());
			}
		}
		for (String item : catalog.keySet()) {
			itemIds.putIfAbsent(item, itemIds.size());
		}
		String[] users = userIds.keySet().toArray(String[]::new);
		String[] items = itemIds.keySet().toArray(String[]::new);
		ItemInfo[] info = new ItemInfo[items.length];
		for (int i = 0; i < items.length; i++) {
			info[i] = catalog.getOrDefault(items[i], ItemInfo.unknown(items[i]));
		}
		float[] itemAge = new float[items.length];
		// Per user: item -> accumulator; baskets: key -> distinct items.
		List<Map<Integer, Acc>> perUser = new ArrayList<>(users.length);
		for (int u = 0; u < users.length; u++) {
			perUser.add(new HashMap<>());
		}
		Map<String, BasketAcc> basketsByKey = new LinkedHashMap<>();
		for (Interaction interaction : kept) {
			int user = userIds.get(interaction.user());
			int item = itemIds.get(interaction.item());
			float age = ageDays(now, interaction.at());
			itemAge[item] = Math.max(itemAge[item], age);
			Acc acc = perUser.get(user).computeIfAbsent(item, (key) -> new Acc());
			acc.weight += (float) weights.of(interaction.kind());
			acc.age = Math.min(acc.age, age);
			if (interaction.kind() == Interaction.Kind.PURCHASE) {
				acc.units += Math.max(1, interaction.quantity());
				acc.purchaseAge = Math.min(acc.purchaseAge, age);
				acc.firstPurchaseAge = Math.max(acc.firstPurchaseAge, age);
				String key = (interaction.basket() != null) ? interaction.basket()
						: interaction.user() + "@" + interaction.at();
				BasketAcc basket = basketsByKey.computeIfAbsent(key, (k) -> new BasketAcc(user, age));
				if (basket.items.add(item)) {
					acc.baskets++;
					acc.decayed30 += (float) Math.pow(0.5, age / 30.0);
					acc.decayed120 += (float) Math.pow(0.5, age / 120.0);
				}
			}
		}
		int rows = perUser.stream().mapToInt(Map::size).sum();
		int[] rowStart = new int[users.length + 1];
		int[] rowItem = new int[rows];
		float[] rowWeight = new float[rows];
		int[] rowBaskets = new int[rows];
		int[] rowUnits = new int[rows];
		float[] rowDecayed30 = new float[rows];
		float[] rowDecayed120 = new float[rows];
		float[] rowAge = new float[rows];
		float[] rowPurchaseAge = new float[rows];
		float[] rowFirstPurchaseAge = new float[rows];
		int r = 0;
		for (int u = 0; u < users.length; u++) {
			rowStart[u] = r;
			Map<Integer, Acc> row = perUser.get(u);
			int[] sorted = row.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
			for (int item : sorted) {
				Acc acc = row.get(item);
				rowItem[r] = item;
				rowWeight[r] = acc.weight;
				rowBaskets[r] = acc.baskets;
				rowUnits[r] = acc.units;
				rowDecayed30[r] = acc.decayed30;
				rowDecayed120[r] = acc.decayed120;
				rowAge[r] = acc.age;
				rowPurchaseAge[r] = acc.purchaseAge;
				rowFirstPurchaseAge[r] = acc.firstPurchaseAge;
				r++;
			}
		}
		rowStart[users.length] = r;
		int[][] baskets = new int[basketsByKey.size()][];
		float[] basketAge = new float[baskets.length];
		int[] basketUser = new int[baskets.length];
		int b = 0;
		for (BasketAcc basket : basketsByKey.values()) {
			baskets[b] = basket.items.stream().mapToInt(Integer::intValue).sorted().toArray();
			basketAge[b] = basket.age;
			basketUser[b] = basket.user;
			b++;
		}
		TrainingData data = new TrainingData(now, users, items, info, rowStart, rowItem, rowWeight, rowBaskets,
				rowUnits, rowDecayed30, rowDecayed120, rowAge, rowPurchaseAge, rowFirstPurchaseAge, baskets, basketAge,
				basketUser, itemAge);
		for (BasketAcc basket : basketsByKey.values()) {
			data.userBaskets[basket.user]++;
			data.userLastBasketAgeDays[basket.user] = Math.min(data.userLastBasketAgeDays[basket.user], basket.age);
			data.userFirstBasketAgeDays[basket.user] = Math.max(data.userFirstBasketAgeDays[basket.user], basket.age);
		}
		return data;
	}

	static float ageDays(Instant now, Instant at) {
		return (float) Math.max(0, Duration.between(at, now).toSeconds() / SECONDS_PER_DAY);
	}

	/** The users numbered: the ones forgotten since training keep their (empty) place. */
	public int userCount() {
		return this.users.length;
	}

	/** The users it knows: numbered and not forgotten. */
	public int knownUserCount() {
		return this.userIndex.size();
	}

	public int itemCount() {
		return this.items.length;
	}

	public Instant now() {
		return this.now;
	}

	/** The index of a user, or -1 if they did nothing before {@link #now}. */
	public int user(String id) {
		return this.userIndex.getOrDefault(id, -1);
	}

	/** The index of an item, or -1 if it is unknown. */
	public int item(String id) {
		return this.itemIndex.getOrDefault(id, -1);
	}

	public String itemId(int item) {
		return this.items[item];
	}

	public ItemInfo info(int item) {
		return this.info[item];
	}

	int interactionCount() {
		return this.rowItem.length;
	}

	private static Map<String, Integer> indexOf(String[] ids) {
		Map<String, Integer> index = new HashMap<>(ids.length * 2);
		for (int i = 0; i < ids.length; i++) {
			index.put(ids[i], i);
		}
		return index;
	}

	private static final class Acc {

		float weight;

		int baskets;

		int units;

		float decayed30;

		float decayed120;

		float age = Float.POSITIVE_INFINITY;

		float purchaseAge = Float.POSITIVE_INFINITY;

		float firstPurchaseAge = Float.NEGATIVE_INFINITY;

	}

	private static final class BasketAcc {

		final int user;

		final float age;

		final java.util.Set<Integer> items = new java.util.LinkedHashSet<>();

		BasketAcc(int user, float age) {
			this.user = user;
			this.age = age;
		}

	}

}
