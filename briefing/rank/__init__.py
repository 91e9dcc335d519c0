"""rank: score a Document's sentences with a named method and choose some."""

from .registry import METHODS, Length, Method, describe_methods, get_method, rank, register

__all__ = ["METHODS", "Length", "Method", "describe_methods", "get_method", "rank", "register"]
