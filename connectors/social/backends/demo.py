"""The demo town's stand-in for every network: it reaches nothing and answers that the post
was published, so that the admin shows each post with the exact text the network would have
received (kept in the post's row by the caller)."""

from __future__ import annotations

import hashlib

from ..base import POSTED, REMOVED, Post, Result, SocialBackend


class DemoBackend(SocialBackend):
    """Records nothing itself: the caller's row is the record."""

    def publish(self, post: Post) -> Result:
        return Result(POSTED, remote_id=demo_id(post))

    def find(self, post: Post) -> Result | None:
        return Result(POSTED, remote_id=demo_id(post))


def demo_id(post: Post) -> str:
    """A stable id for a demonstration post."""
    return "demo-" + hashlib.sha1(post.key.encode()).hexdigest()[:12]

    def delete(self, remote_id: str) -> Result:
        return Result(REMOVED, remote_id=remote_id)
