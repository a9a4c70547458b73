//! Per-visitor limits on signing, kept in memory only: a seized server
//! holds no record of who connected.
//!
//! A visitor is an IPv4 address or an IPv6 /64 (one household or phone gets
//! a whole /64 and can rotate within it). Behind a reverse proxy the
//! visitor's address comes from `client_ip_header`, believed only when the
//! connection comes from one of `trusted_proxies`: anyone else could write
//! any address into that header.

use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::extract::ConnectInfo;
use axum::http::HeaderMap;
use governor::clock::DefaultClock;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};
use ipnet::IpNet;

/// Who a limit counts: an IPv4 address, or the /64 of an IPv6 address.
pub fn visitor_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let prefix = u128::from(v6) & (u128::MAX << 64);
                IpAddr::V6(Ipv6Addr::from(prefix))
            }
        },
    }
}

pub struct SignLimiter {
    limiter: RateLimiter<IpAddr, DefaultKeyedStateStore<IpAddr>, DefaultClock>,
    client_ip_header: Option<String>,
    trusted_proxies: Vec<IpNet>,
    warned_loopback: AtomicBool,
}

impl SignLimiter {
    /// `per_minute` sustained, and up to `burst` at once.
    pub fn new(
        per_minute: u32,
        burst: u32,
        client_ip_header: Option<String>,
        trusted_proxies: Vec<IpNet>,
    ) -> Self {
        let rate = NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN);
        let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
        SignLimiter {
            limiter: RateLimiter::keyed(Quota::per_minute(rate).allow_burst(burst)),
            client_ip_header,
            trusted_proxies,
            warned_loopback: AtomicBool::new(false),
        }
    }

    /// The visitor's address: from the configured header when the peer is a
    /// trusted proxy, else the connection's. Unknown addresses share one bucket.
    pub fn client_ip(&self, headers: &HeaderMap, conn: Option<&ConnectInfo<SocketAddr>>) -> IpAddr {
        let peer = conn.map(|c| c.0.ip());
        let trusted = peer.is_some_and(|p| self.trusted_proxies.iter().any(|n| n.contains(&p)));
        let from_header = self
            .client_ip_header
            .as_deref()
            .filter(|_| trusted)
            .and_then(|name| {
                headers
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    // The proxy appends the address it saw: the last one.
                    .and_then(|v| v.split(',').next_back())
                    .and_then(|v| v.trim().parse().ok())
            });
        if from_header.is_none()
            && self.client_ip_header.is_none()
            && peer.is_some_and(|p| p.is_loopback())
            && !self.warned_loopback.swap(true, Ordering::Relaxed)
        {
            tracing::warn!(
                "signing requests come from loopback and no client_ip_header is set: behind a reverse proxy every visitor shares one rate limit, so one person can stop all signing; set client_ip_header and trusted_proxies"
            );
        }
        from_header.or(peer).unwrap_or(IpAddr::from([0, 0, 0, 0]))
    }

    pub fn check(&self, ip: IpAddr) -> bool {
        self.limiter.check_key(&visitor_key(ip)).is_ok()
    }

    /// Forgets addresses whose limits have fully recovered.
    pub fn forget_idle(&self) {
        self.limiter.retain_recent();
        self.limiter.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conn(ip: &str) -> ConnectInfo<SocketAddr> {
        ConnectInfo(SocketAddr::new(ip.parse().expect("ip"), 40000))
    }

    fn headers(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-real-ip", value.parse().expect("header"));
        h
    }

    #[test]
    fn an_ipv6_visitor_cannot_escape_the_limit_within_its_64() {
        let limiter = SignLimiter::new(1, 1, None, vec![]);
        assert!(limiter.check("2001:db8:1:2::1".parse().expect("ip")));
        for host in ["2001:db8:1:2::2", "2001:db8:1:2:ffff:ffff:ffff:ffff"] {
            assert!(!limiter.check(host.parse().expect("ip")), "{host}");
        }
        assert!(
            limiter.check("2001:db8:1:3::1".parse().expect("ip")),
            "another /64"
        );
        assert_eq!(
            visitor_key("::ffff:192.0.2.1".parse().expect("ip")),
            "192.0.2.1".parse::<IpAddr>().expect("ip")
        );
    }

    #[test]
    fn the_proxy_header_is_believed_only_from_trusted_proxies() {
        let limiter = SignLimiter::new(
            1,
            1,
            Some("x-real-ip".into()),
            vec!["10.0.0.0/8".parse().expect("net")],
        );
        let via_proxy = limiter.client_ip(&headers("203.0.113.9"), Some(&conn("10.1.2.3")));
        assert_eq!(via_proxy, "203.0.113.9".parse::<IpAddr>().expect("ip"));
        let forged = limiter.client_ip(&headers("203.0.113.9"), Some(&conn("198.51.100.1")));
        assert_eq!(
            forged,
            "198.51.100.1".parse::<IpAddr>().expect("ip"),
            "a stranger's header is ignored"
        );
        let chain = limiter.client_ip(&headers("1.1.1.1, 203.0.113.10"), Some(&conn("10.1.2.3")));
        assert_eq!(
            chain,
            "203.0.113.10".parse::<IpAddr>().expect("ip"),
            "the address the proxy saw"
        );
    }
}
