package com.emporium.product.categories;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.web.InvalidFieldException;
import com.emporium.platform.web.NotFoundException;
import com.emporium.product.AlreadyExistsException;
import com.emporium.product.UniqueViolations;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The category tree: admins add, change, move and delete categories; anyone reads the whole tree;
 * the catalog asks whether a category exists and what lies beneath it.
 * <p>
 * Moves are serialised by a transaction-scoped advisory lock, so two moves that are each fine
 * alone (A beneath B, B beneath A) cannot together make a cycle.
 */
@Service
public class CategoryTree {

	static final String SLUG_INDEX = "categories_slug_key";

	static final String PARENT_FOREIGN_KEY = "categories_parent_id_fkey";

	/** Any number, the same in every instance: the advisory lock that serialises moves. */
	private static final long MOVE_LOCK = 0x43415445474f5259L;

	private static final Logger log = LoggerFactory.getLogger(CategoryTree.class);

	private final Categories categories;

	private final CategoryUsage usage;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CategoryTree(Categories categories, CategoryUsage usage, JdbcTemplate jdbc, ApplicationEventPublisher events,
			Clock clock) {
		this.categories = categories;
		this.usage = usage;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The category and every category beneath it, at any depth.
	 * @return empty when there is no such category
	 */
	@Transactional(readOnly = true)
	public Optional<Set<UUID>> subtree(UUID categoryId) {
		List<UUID> ids = this.categories.findSubtreeIds(categoryId);
		return ids.isEmpty() ? Optional.empty() : Optional.of(new LinkedHashSet<>(ids));
	}

	/**
	 * The top-level category with this slug, added unless it exists (for a catalog loaded at
	 * startup, such as the demo's).
	 * @return its id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID ensureTopLevel(String name, String slug, @Nullable String description) {
		List<UUID> found = this.jdbc.queryForList("SELECT id FROM categories WHERE slug = ?", UUID.class, slug);
		return found.isEmpty() ? add(new CreateCategoryRequest(name, slug, description, null)).id() : found.get(0);
	}

	/** A category's name. */
	@Transactional(readOnly = true)
	public Optional<String> nameOf(UUID categoryId) {
		return this.categories.findById(categoryId).map(Category::name);
	}

	/**
	 * The category's name, holding a shared lock on it until the transaction ends: a product put into
	 * it meanwhile cannot lose it to a deletion, nor miss a rename (the deletion or rename waits and
	 * then sees the product).
	 * @return empty when there is no such category
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<String> lockForUse(UUID categoryId) {
		return this.categories.findLockedForShare(categoryId).map(Category::name);
	}

	@Transactional
	CategoryView add(CreateCategoryRequest request) {
		UUID parentId = request.parentId();
		if (parentId != null && !this.categories.existsById(parentId)) {
			throw InvalidFieldException.body("#/parentId", "does not exist");
		}
		Category category = new Category(UUID.randomUUID(), parentId, request.name().strip(), request.slug(),
				blankToNull(request.description()), this.clock.instant());
		saveChecked(category);
		log.info("Category added categoryId={} parentId={}", category.id(), parentId);
		return new CategoryView(category.id(), category.name(), category.slug(), category.description(),
				category.parentId(), List.of());
	}

	/** Every category, as trees of top-level categories, each level by name. */
	@Transactional(readOnly = true)
	List<CategoryView> tree() {
		List<Category> all = this.categories.findAllByOrderByNameAscIdAsc();
		Map<UUID, List<Category>> byParent = new HashMap<>();
		List<Category> roots = new ArrayList<>();
		for (Category category : all) {
			if (category.parentId() == null) {
				roots.add(category);
			}
			else {
				byParent.computeIfAbsent(category.parentId(), key -> new ArrayList<>()).add(category);
			}
		}
		return roots.stream().map(root -> view(root, byParent)).toList();
	}

	/** A category with everything beneath it. */
	@Transactional(readOnly = true)
	CategoryView get(UUID categoryId) {
		Category category = this.categories.findById(categoryId)
			.orElseThrow(() -> new NotFoundException("Category", categoryId));
		Map<UUID, List<Category>> byParent = new HashMap<>();
		for (Category each : this.categories.findAllByOrderByNameAscIdAsc()) {
			if (each.parentId() != null) {
				byParent.computeIfAbsent(each.parentId(), key -> new ArrayList<>()).add(each);
			}
		}
		return view(category, byParent);
	}

	@Transactional
	CategoryView change(UUID categoryId, UpdateCategoryRequest request) {
		if (request.parentIdSent()) {
			this.jdbc.query("SELECT pg_advisory_xact_lock(?)", (ResultSetExtractor<@Nullable Void>) rs -> null,
					MOVE_LOCK);
		}
		Category category = this.categories.findLockedForUpdate(categoryId)
			.orElseThrow(() -> new NotFoundException("Category", categoryId));
		Instant now = this.clock.instant();
		@Nullable String renamedTo = null;
		if (request.name() != null) {
			String name = request.name().strip();
			if (!name.equals(category.name())) {
				renamedTo = name;
			}
			category.rename(name, now);
		}
		if (request.slug() != null && !request.slug().equals(category.slug())) {
			category.changeSlug(request.slug(), now);
		}
		if (request.description() != null) {
			category.describe(blankToNull(request.description()), now);
		}
		UUID parentId = request.parentId();
		if (request.parentIdSent() && !Objects.equals(parentId, category.parentId())) {
			if (parentId != null) {
				checkNoCycle(categoryId, parentId);
			}
			category.moveTo(parentId, now);
			log.info("Category moved categoryId={} parentId={}", categoryId, parentId);
		}
		saveChecked(category);
		if (renamedTo != null) {
			log.info("Category renamed categoryId={}", categoryId);
			this.events.publishEvent(new CategoryRenamed(categoryId, renamedTo));
		}
		return get(categoryId);
	}

	/** Deletes a category without sub-categories or products. */
	@Transactional
	void delete(UUID categoryId) {
		Category category = this.categories.findLockedForUpdate(categoryId)
			.orElseThrow(() -> new NotFoundException("Category", categoryId));
		if (this.categories.existsByParentId(categoryId)) {
			throw new CategoryInUseException(categoryId, "sub-categories");
		}
		if (this.usage.isUsed(categoryId)) {
			throw new CategoryInUseException(categoryId, "products");
		}
		try {
			this.categories.delete(category);
			this.categories.flush();
		}
		catch (DataIntegrityViolationException ex) {
			// A sub-category added since the check: the foreign key refused the deletion.
			throw new CategoryInUseException(categoryId, "sub-categories");
		}
		log.info("Category deleted categoryId={}", categoryId);
	}

	/** Walks up from the new parent: meeting the category itself would close a loop. */
	private void checkNoCycle(UUID categoryId, UUID parentId) {
		Set<UUID> seen = new LinkedHashSet<>();
		UUID current = parentId;
		while (current != null && seen.add(current)) {
			if (current.equals(categoryId)) {
				throw new CategoryCycleException(categoryId, parentId);
			}
			UUID id = current;
			Category ancestor = this.categories.findById(id).orElse(null);
			if (ancestor == null) {
				if (id.equals(parentId)) {
					throw InvalidFieldException.body("#/parentId", "does not exist");
				}
				return;
			}
			current = ancestor.parentId();
		}
	}

	private void saveChecked(Category category) {
		try {
			this.categories.saveAndFlush(category);
		}
		catch (DataIntegrityViolationException ex) {
			if (UniqueViolations.violates(ex, SLUG_INDEX)) {
				throw new AlreadyExistsException("#/slug", "Another category");
			}
			if (UniqueViolations.violates(ex, PARENT_FOREIGN_KEY)) {
				throw InvalidFieldException.body("#/parentId", "does not exist");
			}
			throw ex;
		}
	}

	private static CategoryView view(Category category, Map<UUID, List<Category>> byParent) {
		List<CategoryView> children = byParent.getOrDefault(category.id(), List.of())
			.stream()
			.map(child -> view(child, byParent))
			.toList();
		return new CategoryView(category.id(), category.name(), category.slug(), category.description(),
				category.parentId(), children);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
