/**
 * The certificate feed for edges operators already run (nginx, HAProxy): the wire form of the
 * certificates a node serves ({@link dev.vodcert.feed.Feed}), the client that polls the operators'
 * listener for it, and the sync that turns it into per-domain PEM files, an nginx map and an
 * HAProxy crt-list, written atomically, and reloads the edge only when something changed.
 */
package dev.vodcert.feed;
