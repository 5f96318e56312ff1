package com.emporium.order.orders;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** The order cannot go from its status to the one asked for. */
class IllegalTransitionException extends ProblemException {

	IllegalTransitionException(OrderStatus from, OrderStatus to) {
		super(HttpStatus.CONFLICT, "illegal-status-transition",
				"An order that is %s cannot become %s.".formatted(from, to));
		with("from", from);
		with("to", to);
	}

}
