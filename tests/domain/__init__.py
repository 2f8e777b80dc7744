"""Tests of the domain package."""
