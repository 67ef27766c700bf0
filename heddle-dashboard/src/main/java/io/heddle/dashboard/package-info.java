/** The dashboard (being built). */
package io.heddle.dashboard;
