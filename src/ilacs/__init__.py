"""ilacs: Ofsted children's services inspection reports to improvement plans and board papers."""

__version__ = "0.1.0"
