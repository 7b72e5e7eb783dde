/**
 * HTTP contract of the callout service: invocations the runtime sends, the endpoint registry admins manage through
 * the console, and the paths and codes they travel with. Only records and constants live here.
 */
package dev.parley.callout.api;
