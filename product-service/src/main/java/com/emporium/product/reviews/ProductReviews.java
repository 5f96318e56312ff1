package com.emporium.product.reviews;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.security.Caller;
import com.emporium.platform.web.NotFoundException;
import com.emporium.platform.web.ProblemException;
import com.emporium.product.catalog.ProductFinder;
import com.emporium.product.catalog.Ratings;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts, changes, deletes and lists reviews, and counts helpful votes. Every change of a product's
 * reviews first locks the product ({@link Ratings#lock}), then changes the reviews, counts them
 * and sets the product's average and count, in one transaction: two reviews posted at once are
 * counted one after the other, so the product's figures always match its reviews.
 */
@Service
class ProductReviews {

	private static final Logger log = LoggerFactory.getLogger(ProductReviews.class);

	private final Reviews reviews;

	private final Ratings ratings;

	private final ProductFinder products;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProductReviews(Reviews reviews, Ratings ratings, ProductFinder products, ApplicationEventPublisher events,
			Clock clock) {
		this.reviews = reviews;
		this.ratings = ratings;
		this.products = products;
		this.events = events;
		this.clock = clock;
	}

	/** A listed product's reviews. */
	@Transactional(readOnly = true)
	Page<ReviewView> list(UUID productId, ReviewSort sort, int page, int size) {
		if (!this.products.isListed(productId)) {
			throw new NotFoundException("Product", productId);
		}
		long total = this.reviews.count(productId);
		return new PageImpl<>(this.reviews.page(productId, sort, page, size).stream().map(ReviewView::of).toList(),
				PageRequest.of(page, size), total);
	}

	/** The caller's review of a listed product: one per shopper and product. */
	@Transactional
	ReviewView post(UUID productId, ReviewRequest request, Caller caller) {
		request.requireAll();
		UUID userId = caller.requireUserId();
		if (!this.ratings.lock(productId, true)) {
			throw new NotFoundException("Product", productId);
		}
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		if (!this.reviews.insert(id, productId, userId, request.rating(), request.title().strip(),
				request.text().strip(), now)) {
			throw new AlreadyReviewedException(this.reviews.idOf(productId, userId).orElse(id));
		}
		recount(productId);
		this.events.publishEvent(new ReviewPosted(UUID.randomUUID(), now, id, productId, userId, request.rating()));
		log.info("Review posted reviewId={} productId={}", id, productId);
		return ReviewView.of(this.reviews.find(productId, id).orElseThrow());
	}

	/** Changes what the request sends: the author only. */
	@Transactional
	ReviewView change(UUID productId, UUID reviewId, ReviewRequest request, Caller caller) {
		Reviews.Row review = lockedReview(productId, reviewId);
		if (!caller.is(review.userId())) {
			throw forbidden("Only its author may change a review.");
		}
		this.reviews.update(reviewId, (request.rating() != null) ? request.rating() : review.rating(),
				(request.title() != null) ? request.title().strip() : review.title(),
				(request.text() != null) ? request.text().strip() : review.text(), this.clock.instant());
		recount(productId);
		log.info("Review changed reviewId={}", reviewId);
		return ReviewView.of(this.reviews.find(productId, reviewId).orElseThrow());
	}

	/** Deletes a review: its author, admins and managers. */
	@Transactional
	void delete(UUID productId, UUID reviewId, Caller caller) {
		Reviews.Row review = lockedReview(productId, reviewId);
		if (!caller.is(review.userId()) && !caller.isStaff()) {
			throw forbidden("Only its author, an admin or a manager may delete a review.");
		}
		this.reviews.delete(reviewId);
		recount(productId);
		log.info("Review deleted reviewId={} productId={}", reviewId, productId);
	}

	/**
	 * The caller finds a review helpful: once, and never their own.
	 * @return whether the vote is new
	 */
	@Transactional
	boolean vote(UUID productId, UUID reviewId, Caller caller) {
		UUID userId = caller.requireUserId();
		Reviews.Row review = this.reviews.find(productId, reviewId)
			.orElseThrow(() -> new NotFoundException("Review", reviewId));
		if (userId.equals(review.userId())) {
			throw forbidden("You cannot vote for your own review.");
		}
		return this.reviews.vote(reviewId, userId, this.clock.instant());
	}

	@Transactional
	void unvote(UUID productId, UUID reviewId, Caller caller) {
		UUID userId = caller.requireUserId();
		this.reviews.find(productId, reviewId).orElseThrow(() -> new NotFoundException("Review", reviewId));
		this.reviews.unvote(reviewId, userId);
	}

	/** A review of a live product, with the product locked; 404 for a review of another product. */
	private Reviews.Row lockedReview(UUID productId, UUID reviewId) {
		if (!this.ratings.lock(productId, false)) {
			throw new NotFoundException("Product", productId);
		}
		return this.reviews.find(productId, reviewId).orElseThrow(() -> new NotFoundException("Review", reviewId));
	}

	private void recount(UUID productId) {
		Reviews.Stats stats = this.reviews.stats(productId);
		this.ratings.set(productId, stats.average(), stats.count());
	}

	private static ProblemException forbidden(String detail) {
		return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", detail);
	}

}
