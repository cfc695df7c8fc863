# Varnish in front of Commune's application servers (docs/deploy.md, "Page cache and reverse
# proxy"). It keeps only what the application marks for shared caches (Cache-Control with
# s-maxage: public pages for anonymous readers) and forgets a page when the application
# sends PURGE for its URL (Wagtail's frontend cache, COMMUNE_PROXY_PURGE_URL).
# benchmarks/page_load.py runs this file.
vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .probe = {
        .url = "/health/";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
    }
}

# The application servers, which send the purges.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Editors, and visitors who hold a session or a form's CSRF token: always the application.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=") {
        return (pass);
    }
    # No other cookie changes a page; the language comes from the address, not the browser.
    unset req.http.Cookie;
    unset req.http.Accept-Language;
    return (hash);
}

sub vcl_backend_response {
    # Static files (hashed names, a year's max-age from WhiteNoise) are kept as they say.
    if (bereq.url ~ "^/static/") {
        return (deliver);
    }
    # Only pages the application marks for shared caches are kept, for as long as it says.
    if (beresp.http.Cache-Control !~ "s-maxage" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Proxy-Cache = "hit";
    } else {
        set resp.http.X-Proxy-Cache = "miss";
    }
}
