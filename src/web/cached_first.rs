//! The page cache answers before the router: a GET of a path whose page is
//! cached and fresh costs one lookup and a clone of prebuilt headers, as
//! little as a server that does nothing else. Pages cached under a query
//! (the directory's `?page=2`) are found by the query as their links write
//! it. Everything else (forms, pages not cached yet or stale, queries in
//! another form) goes to the router.

use std::borrow::Cow;
use std::convert::Infallible;
use std::future::{Ready, ready};
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request};
use axum::response::Response;
use axum::routing::future::RouteFuture;
use futures_util::future::Either;
use tower_service::Service;

use super::AppState;
use super::site::{Site, set_onion_location};

#[derive(Clone)]
pub struct CachedFirst {
    state: Arc<AppState>,
    router: Router,
}

impl CachedFirst {
    pub fn new(state: Arc<AppState>, router: Router) -> Self {
        CachedFirst { state, router }
    }

    /// The cached, fresh page of a GET, if there is one.
    fn cached(&self, request: &Request<Body>) -> Option<Response> {
        let path = request.uri().path();
        let target = request
            .uri()
            .path_and_query()
            .map_or(path, |pq| pq.as_str());
        // One name and no static copy: the path is the key, nothing to build.
        let site = match request.extensions().get::<Site>() {
            Some(copy) => Some(copy.clone()),
            None if self.state.sites.is_single() => None,
            None => Some(Site::of_request(&self.state.sites, request.headers())),
        };
        let key = match &site {
            Some(site) => site.cache_key(target),
            None => Cow::Borrowed(target),
        };
        let page = self.state.fresh_page(&key)?;
        let mut response = page.respond(request.headers());
        if let Some(location) = site.and_then(|s| s.onion_location(target)) {
            set_onion_location(&mut response, location);
        }
        Some(response)
    }
}

impl Service<Request<Body>> for CachedFirst {
    type Response = Response;
    type Error = Infallible;
    type Future = Either<Ready<Result<Response, Infallible>>, RouteFuture<Infallible>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        <Router as Service<Request<Body>>>::poll_ready(&mut self.router, cx)
    }

    fn call(&mut self, request: Request<Body>) -> Self::Future {
        if request.method() == Method::GET {
            // Counted so that the signature writer paces itself for a crowd of readers.
            self.state.petitions.readers.page_asked();
            if let Some(response) = self.cached(&request) {
                return Either::Left(ready(Ok(response)));
            }
        }
        Either::Right(self.router.call(request))
    }
}
