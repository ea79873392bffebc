"""contractgen: IT outsourcing contracts and SLA documents from a deal spec and a clause library."""

__version__ = "0.1.0"
