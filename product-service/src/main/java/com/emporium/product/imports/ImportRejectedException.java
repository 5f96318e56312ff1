package com.emporium.product.imports;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** An atomic import with a rejected row: nothing was written; the report says which rows and why. */
class ImportRejectedException extends ProblemException {

	ImportRejectedException(ImportReport report) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "import-rejected",
				"%d of %d rows were rejected, so nothing was imported: fix them and send the file again."
					.formatted(report.rejectedCount(), report.rows()));
		with("report", report);
	}

}
