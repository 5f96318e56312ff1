package com.emporium.user.addresses;

/** What an address is to its owner. */
enum AddressLabel {

	HOME, WORK, OTHER

}
