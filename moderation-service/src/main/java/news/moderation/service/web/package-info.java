/** What the HTTP API of every feature shares: problem+json for a field out of place. */
package news.moderation.service.web;
