/** Bean Validation constraints for the shop's vocabulary: slugs and ISO 4217 currency codes. */
package com.emporium.platform.validation;
