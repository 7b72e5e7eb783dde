/**
 * HTTP contract of the session-store service: the records on the wire and the paths they travel.
 * Only records, enums and constants live here.
 */
package dev.parley.sessionstore.api;
