//! Per-address limits on signing, kept in memory only: a seized server
//! holds no record of who connected.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;

use axum::extract::ConnectInfo;
use axum::http::HeaderMap;
use governor::clock::DefaultClock;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};

pub struct SignLimiter {
    limiter: RateLimiter<IpAddr, DefaultKeyedStateStore<IpAddr>, DefaultClock>,
    client_ip_header: Option<String>,
}

impl SignLimiter {
    /// `per_minute` sustained, and up to `burst` at once.
    pub fn new(per_minute: u32, burst: u32, client_ip_header: Option<String>) -> Self {
        let rate = NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN);
        let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
        SignLimiter {
            limiter: RateLimiter::keyed(Quota::per_minute(rate).allow_burst(burst)),
            client_ip_header,
        }
    }

    /// The visitor's address: from the configured proxy header, else the
    /// connection. Unknown addresses share one bucket.
    pub fn client_ip(&self, headers: &HeaderMap, conn: Option<&ConnectInfo<SocketAddr>>) -> IpAddr {
        let from_header = self.client_ip_header.as_deref().and_then(|name| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split(',').next_back())
                .and_then(|v| v.trim().parse().ok())
        });
        from_header
            .or_else(|| conn.map(|c| c.0.ip()))
            .unwrap_or(IpAddr::from([0, 0, 0, 0]))
    }

    pub fn check(&self, ip: IpAddr) -> bool {
        self.limiter.check_key(&ip).is_ok()
    }

    /// Forgets addresses whose limits have fully recovered.
    pub fn forget_idle(&self) {
        self.limiter.retain_recent();
        self.limiter.shrink_to_fit();
    }
}
