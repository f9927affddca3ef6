"""Demonstration data: the fictional council Northbrook, its inspection and one user per role."""
